// Validates an OpenAPI document with @apidevtools/swagger-parser (schema and semantic checks, $refs resolved).
// usage: node tools/validate-openapi.mjs contracts/openapi.json
import SwaggerParser from '@apidevtools/swagger-parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tools/validate-openapi.mjs <openapi.json>');
  process.exit(2);
}

try {
  const api = await SwaggerParser.validate(file);
  const operations = Object.values(api.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  console.log(`valid OpenAPI ${api.openapi}: "${api.info.title}", ${operations} operations, ${Object.keys(api.components?.schemas ?? {}).length} schemas`);
} catch (error) {
  console.error(`invalid: ${error.message}`);
  process.exit(1);
}

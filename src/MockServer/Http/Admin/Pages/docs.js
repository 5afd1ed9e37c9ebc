// Starts Swagger UI on the mock's own OpenAPI document, whose server is the address this page came from, so
// "Try it out" calls this mock. No validator badge: it would send the document to a public service.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/__admin/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout'
  });
});

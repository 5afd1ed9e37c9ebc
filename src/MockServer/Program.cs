return await ContractHarness.MockServer.Hosting.MockServerCli.RunAsync(args);

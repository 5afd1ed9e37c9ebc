// superoffice-mock: the mock on the command line (make mock, the .NET tool). Everything it does is the library's.
return await ContractHarness.MockServer.SuperOfficeMockCommandLine.RunAsync(args);

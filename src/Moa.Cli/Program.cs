return Moa.Cli.MoaCommand.Run(args);

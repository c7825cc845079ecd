using LiverMuscle.Sync.Worker.Cli;

return await LiverMuscleCli.RunAsync(args, Console.Error);

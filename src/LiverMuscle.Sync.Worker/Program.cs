using LiverMuscle.Sync.Worker.Cli;

return await LiverMuscleCli.RunAsync(LiverMuscleCli.Create(), args, Console.Error);

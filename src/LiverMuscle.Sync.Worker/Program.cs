using LiverMuscle.Sync.Worker.Cli;

return await LiverMuscleCli.Create().Parse(args).InvokeAsync();

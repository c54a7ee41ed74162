using Netvaerk.Local.Simulation;

// Netværksstedet on one machine. `simulate` prints a sample network's whole timeline; the embedded web host
// (SQLite, local runner, local mailbox) arrives with the next issue.
if (args is ["simulate", .. var rest])
{
    return SimulateCommand.Run(rest, Console.Out, Console.Error);
}

Console.Error.WriteLine("Brug: dotnet run --project src/Local -- simulate --type welfare|learning|innovation --start ÅÅÅÅ-MM-DD [--json]");
return 2;

namespace ContainerNet.Core.Networks;

/// <summary>
/// The undo list of one operation: each step that changed something records how to take it back; on
/// failure the steps are undone in reverse and the first error is what the caller sees (undo errors are
/// swallowed: the original failure is the one that explains what happened).
/// </summary>
internal sealed class Rollback
{
    private readonly List<Action> _undo = new();

    public void Add(Action undo) => _undo.Add(undo);

    public void Run()
    {
        for (int i = _undo.Count - 1; i >= 0; i--)
        {
            try
            {
                _undo[i]();
            }
            catch (Exception)
            {
                // Best effort; Repair-ContainerNetwork finds what an undo could not take back.
            }
        }
        _undo.Clear();
    }
}

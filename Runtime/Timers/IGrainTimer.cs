namespace Actors.Runtime.Timers;

/// <summary>A grain timer: ticks run as turns of the grain; disposing it stops further ticks.</summary>
public interface IGrainTimer : IDisposable
{
    void Change(TimeSpan dueTime, TimeSpan period);
}

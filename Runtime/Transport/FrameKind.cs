namespace Actors.Runtime.Transport;

/// <summary>What a frame on a silo-to-silo connection carries.</summary>
internal enum FrameKind : byte
{
    Request = 1,
    Response = 2,
    Failure = 3,
}

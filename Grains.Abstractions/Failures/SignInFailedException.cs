using Orleans;

namespace Actors.Grains.Abstractions.Failures;

/// <summary>Wrong email or password; deliberately the same answer for both, so it does not reveal who has an account.</summary>
[GenerateSerializer, Alias("SignInFailedException")]
public sealed class SignInFailedException(string message) : DomainException("sign-in-failed", message);

namespace Actors.Api.Onboarding;

/// <summary>
/// How far an organization has come from sign-up to running its hotel, each step read from its real
/// state; <see cref="Done"/> once every step is. <paramref name="SampleBookings"/> counts the sample
/// bookings its properties still hold, so a page can offer to take them away.
/// </summary>
public sealed record OnboardingView(
    bool PropertySetUp,
    bool RoomsAdded,
    bool RatesSet,
    bool ColleagueInvited,
    bool TestBookingTaken,
    bool StripeConnected,
    int SampleBookings)
{
    public bool Done => PropertySetUp && RoomsAdded && RatesSet && ColleagueInvited && TestBookingTaken && StripeConnected;
}

using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Bookings;
using Actors.Grains.Abstractions.Properties;
using Orleans;

namespace Actors.Api.Mail;

/// <summary>
/// Mails the guest their confirmation once a booking is confirmed, by whichever door (the guest's
/// link, the front desk, a card payment): the booking hands its private link out only once, so a
/// repeated webhook or a second door never sends it twice. A failure here is logged, never thrown:
/// the confirmation itself has already happened.
/// </summary>
public sealed class GuestConfirmationMail(IGrainFactory grains, MailOutbox outbox, MailLinks links, ILogger<GuestConfirmationMail> logger)
{
    public async Task SendAsync(string org, string bookingId)
    {
        try
        {
            var booking = await grains.GetGrain<IBookingGrain>(GrainKeys.Booking(org, bookingId)).ClaimConfirmationMail();
            if (booking?.GuestToken is not { } token)
            {
                return;
            }

            var property = await grains.GetGrain<IPropertyGrain>(GrainKeys.Property(org, booking.PropertyId)).Get();
            outbox.Send(BookingConfirmationLetter.Write(booking, property, links.To($"/my-booking/{token}")));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The confirmation mail of booking {Booking} in {Organization} could not be written", bookingId, org);
        }
    }
}

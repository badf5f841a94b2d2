using Actors.Grains.Abstractions;
using Actors.Grains.Abstractions.Events;
using Actors.Grains.Abstractions.Failures;
using Actors.Grains.Abstractions.Organizations;
using Actors.Grains.Abstractions.Properties;
using Actors.Grains.Abstractions.Rooms;
using Actors.Grains.Abstractions.Users;
using Actors.Persistence.EventLog;
using Actors.Persistence.State;
using Orleans;
using Orleans.Runtime;

namespace Actors.Grains.Organizations;

/// <summary>
/// The tenant. New properties and rooms go through it, one at a time, so two requests cannot both
/// squeeze under the plan's limit.
/// </summary>
[GrainType("organization")]
internal sealed partial class OrganizationGrain(
    [OutboxState("organization")] IOutboxState<OrganizationState> organization) : Grain, IOrganizationGrain
{
    private OrganizationState State => organization.State;

    private string Id => this.GetPrimaryKeyString();

    private EventStream Stream => new("organization", Id);

    public async Task<OrganizationView> Create(CreateOrganization command)
    {
        if (State.Exists)
        {
            throw new ConflictException($"Organization '{Id}' already exists.");
        }

        var errors = new FieldErrors();
        errors.Text(command.Name, "name");
        if (!Enum.IsDefined(command.Plan))
        {
            errors.Add("plan", "Unknown plan.");
        }

        if (command.Owner is not null)
        {
            errors.Email(command.Owner, "owner");
        }

        errors.ThrowIfAny();
        State.Exists = true;
        State.Name = command.Name;
        State.Plan = command.Plan;
        organization.RaiseEvent(Stream, new OrganizationCreated(Id, command.Name, command.Plan));
        if (command.Owner is not null)
        {
            TakeIn(Emails.Normalize(command.Owner), Role.Owner);
        }

        await organization.WriteStateAsync();
        await TellUsers();
        return View();
    }

    public Task<OrganizationView> Get()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<OrganizationView> ChangePlan(Plan plan)
    {
        EnsureExists();
        if (!Enum.IsDefined(plan))
        {
            throw new DomainValidationException("plan", "Unknown plan.");
        }

        if (plan != State.Plan)
        {
            organization.RaiseEvent(Stream, new PlanChanged(Id, State.Plan, plan));
            State.Plan = plan;
            await organization.WriteStateAsync();
        }

        return View();
    }

    public async Task<PropertyView> AddProperty(string propertyId, CreateProperty command)
    {
        EnsureExists();
        var errors = new FieldErrors();
        errors.Slug(propertyId, "id");
        errors.ThrowIfAny();
        if (State.Properties.Contains(propertyId))
        {
            throw new ConflictException($"Property '{propertyId}' already exists.");
        }

        if (PlanLimits.For(State.Plan).MaxProperties is { } max && State.Properties.Count >= max)
        {
            throw new PlanLimitException($"The {State.Plan} plan allows {max} properties; change the plan to add more.");
        }

        var view = await Property(propertyId).Create(command);
        State.Properties.Add(propertyId);
        await organization.WriteStateAsync();
        return view;
    }

    public async Task<RoomView> AddRoom(string propertyId, NewRoom command)
    {
        EnsureExists();
        if (!State.Properties.Contains(propertyId))
        {
            throw new NotFoundException($"Property '{propertyId}' does not exist.");
        }

        if (PlanLimits.For(State.Plan).MaxRooms is { } max)
        {
            // Counted from the properties each time rather than kept here, so retiring a room needs no call back.
            var counts = await Task.WhenAll(State.Properties.Select(p => Property(p).CountActiveRooms()));
            if (counts.Sum() >= max)
            {
                throw new PlanLimitException($"The {State.Plan} plan allows {max} rooms; change the plan to add more.");
            }
        }

        return await Property(propertyId).AddRoom(command);
    }

    private void EnsureExists()
    {
        if (!State.Exists)
        {
            throw new NotFoundException($"Organization '{Id}' does not exist.");
        }
    }

    private IPropertyGrain Property(string propertyId) => GrainFactory.GetGrain<IPropertyGrain>(GrainKeys.Property(Id, propertyId));

    private OrganizationView View() => new(Id, State.Name, State.Plan, PlanLimits.For(State.Plan), [.. State.Properties]);
}

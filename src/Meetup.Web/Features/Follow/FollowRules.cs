using Meetup.Web.Features.Shared;
using Meetup.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Meetup.Web.Features.Follow;

/// <summary>The checked form of a <see cref="FollowInput"/>.</summary>
internal sealed record FollowFields(string Email, string? Name, string? Language);

/// <summary>What a follow request must hold: a deliverable address; a name and language if given.</summary>
internal static class FollowRules
{
    public static OperationResult<FollowFields> Check(FollowInput input, IStringLocalizer<Strings> l)
    {
        var errors = new ValidationErrors();
        var email = PersonRules.DeliverableEmail(input.Email, errors, l);
        var name = PersonRules.Name(input.Name, required: false, errors, l);
        var language = PersonRules.Language(input.Language, errors, l);
        return errors.IsEmpty
            ? OperationResult<FollowFields>.Ok(new FollowFields(email!, name, language))
            : OperationResult<FollowFields>.Invalid(errors);
    }
}

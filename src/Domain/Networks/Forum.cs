namespace Netvaerk.Domain.Networks;

/// <summary>The leadership forums that decide whether a network is established.</summary>
public enum Forum
{
    /// <summary>Direktørforum: decides innovation networks (strategic, with a political superstructure).</summary>
    Direktoerforum,

    /// <summary>Chefforum: decides welfare and learning networks (default).</summary>
    Chefforum,
}

/// <summary>Danish display names for <see cref="Forum"/>.</summary>
public static class ForumNames
{
    /// <summary>The forum's Danish name, e.g. "Direktørforum".</summary>
    public static string DanishName(this Forum forum) => forum switch
    {
        Forum.Direktoerforum => "Direktørforum",
        Forum.Chefforum => "Chefforum",
        _ => throw new ArgumentOutOfRangeException(nameof(forum), forum, "Ukendt forum."),
    };
}

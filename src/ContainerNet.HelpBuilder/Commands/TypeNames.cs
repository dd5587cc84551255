namespace ContainerNet.HelpBuilder.Commands;

/// <summary>Type names as PlatyPS writes them, so our pages stay readable by PlatyPS users.</summary>
public static class TypeNames
{
    /// <summary>
    /// `Nullable&lt;T&gt;` shows as T, other generics keep their arguments (`Type.ToString()`),
    /// everything else is the short name (`String[]`, `SwitchParameter`).
    /// </summary>
    public static string Short(Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null)
        {
            return nullable.Name;
        }
        return type.IsGenericType ? type.ToString() : type.Name;
    }
}

using Mono.Cecil;

namespace Meetup.Tests.Architecture;

/// <summary>
/// Which namespace of Meetup.Web uses which, read from the compiled assembly (Razor components compile to types,
/// so pages count): base types, members' signatures, attributes and every type a method body touches.
/// Nested and compiler-made types (lambdas, async state machines) count for the type that declares them.
/// </summary>
internal sealed class FeatureGraph
{
    public const string FeaturesPrefix = "Meetup.Web.Features.";

    /// <summary>From namespace to namespace, with one example of a using type and a used type per edge.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Edges { get; }

    private FeatureGraph(Dictionary<string, Dictionary<string, string>> edges) =>
        Edges = edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value);

    public static FeatureGraph Of(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from.Length == 0 || !from.StartsWith("Meetup.Web", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var used in UsedBy(type))
            {
                var to = NamespaceOf(used);
                if (to == from || !to.StartsWith("Meetup.Web", StringComparison.Ordinal)
                    || used.Scope.Name != module.Assembly.Name.Name && used.Scope != module)
                {
                    continue;
                }

                if (!edges.TryGetValue(from, out var targets))
                {
                    edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                targets.TryAdd(to, $"{Outermost(type).FullName} uses {Outermost(used).FullName}");
            }
        }

        return new FeatureGraph(edges);
    }

    /// <summary>
    /// Each type in a namespace starting with <paramref name="fromPrefix"/> that uses a type (of any assembly) whose full
    /// name starts with one of <paramref name="used"/>, as "user uses used".
    /// </summary>
    public static IReadOnlyList<string> Uses(string assemblyPath, string fromPrefix, IReadOnlyList<string> used)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return [.. module.GetTypes()
            .Where(t => NamespaceOf(t).StartsWith(fromPrefix, StringComparison.Ordinal))
            .SelectMany(t => UsedBy(t).Select(u => (User: Outermost(t).FullName, Used: Outermost(u.GetElementType()).FullName)))
            .Where(p => used.Any(x => p.Used.StartsWith(x, StringComparison.Ordinal)))
            .Select(p => $"{p.User} uses {p.Used}")
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Every group of namespaces that depend on each other in a loop (Tarjan's strongly connected components).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in Targets(node))
            {
                if (!index.ContainsKey(target))
                {
                    Visit(target);
                    low[node] = Math.Min(low[node], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[node] = Math.Min(low[node], index[target]);
                }
            }

            if (low[node] != index[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
            {
                component.Sort(StringComparer.Ordinal);
                cycles.Add(component);
            }
        }

        foreach (var node in Edges.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    /// <summary>The edges inside one loop, each with its example, for a failure message a reader can act on.</summary>
    public IEnumerable<string> Describe(IReadOnlyList<string> cycle) =>
        from user in cycle
        from used in Targets(user)
        where cycle.Contains(used)
        select $"  {user} -> {used}   ({Edges[user][used]})";

    private IEnumerable<string> Targets(string node) =>
        Edges.TryGetValue(node, out var targets) ? targets.Keys.OrderBy(k => k, StringComparer.Ordinal) : [];

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string NamespaceOf(TypeReference type)
    {
        var name = Outermost(type.GetElementType()).Namespace;
        // Razor's generic type-inference helpers live in __Blazor.<component's namespace>.<component>.
        const string blazor = "__Blazor.";
        if (name.StartsWith(blazor, StringComparison.Ordinal))
        {
            name = name[blazor.Length..];
            name = name[..Math.Max(0, name.LastIndexOf('.'))];
        }

        return name;
    }

    private static IEnumerable<TypeReference> UsedBy(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        if (type.BaseType is not null)
        {
            Add(found, type.BaseType);
        }

        found.AddRange(type.Interfaces.SelectMany(i => Expand(i.InterfaceType)));
        AddAttributes(found, type.CustomAttributes);
        foreach (var field in type.Fields)
        {
            Add(found, field.FieldType);
            AddAttributes(found, field.CustomAttributes);
        }

        foreach (var property in type.Properties)
        {
            Add(found, property.PropertyType);
            AddAttributes(found, property.CustomAttributes);
        }

        foreach (var method in type.Methods)
        {
            AddMethod(found, method);
            AddAttributes(found, method.CustomAttributes);
            foreach (var parameter in method.Parameters)
            {
                AddAttributes(found, parameter.CustomAttributes);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(found, variable.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: Add(found, t); break;
                    case MethodReference m: AddMethod(found, m); break;
                    case FieldReference f:
                        Add(found, f.DeclaringType);
                        Add(found, f.FieldType);
                        break;
                    case CallSite c: Add(found, c.ReturnType); break;
                    default: break;
                }
            }
        }

        return found;
    }

    private static void AddMethod(List<TypeReference> found, MethodReference method)
    {
        Add(found, method.DeclaringType);
        Add(found, method.ReturnType);
        foreach (var parameter in method.Parameters)
        {
            Add(found, parameter.ParameterType);
        }

        if (method is GenericInstanceMethod generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                Add(found, argument);
            }
        }
    }

    private static void AddAttributes(List<TypeReference> found, IEnumerable<CustomAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            Add(found, attribute.AttributeType);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
            {
                if (argument.Value is TypeReference t)
                {
                    Add(found, t);
                }
            }
        }
    }

    private static void Add(List<TypeReference> found, TypeReference type) => found.AddRange(Expand(type));

    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                yield return generic.ElementType;
                foreach (var argument in generic.GenericArguments.SelectMany(Expand))
                {
                    yield return argument;
                }

                break;
            case TypeSpecification specification:
                foreach (var inner in Expand(specification.ElementType))
                {
                    yield return inner;
                }

                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}

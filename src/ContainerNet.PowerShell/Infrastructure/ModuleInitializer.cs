using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace ContainerNet.Commands.Infrastructure;

/// <summary>
/// Tmds.LibC ships one assembly per architecture (runtimes/linux-x64, linux-arm64, linux-arm) and a
/// reference assembly that cannot run. The module folder carries the runtime ones; this resolver
/// hands the default load context the one for this machine when Core first needs it.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

    public void OnImport() => AssemblyLoadContext.Default.Resolving += ResolveRuntimeAssembly;

    public void OnRemove(PSModuleInfo module) => AssemblyLoadContext.Default.Resolving -= ResolveRuntimeAssembly;

    private static Assembly? ResolveRuntimeAssembly(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != "Tmds.LibC")
            return null;
        string rid = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "linux-x64",
            Architecture.Arm64 => "linux-arm64",
            Architecture.Arm => "linux-arm",
            _ => throw new PlatformNotSupportedException($"ContainerNet has no Tmds.LibC build for {RuntimeInformation.ProcessArchitecture}."),
        };
        string path = Path.Combine(ModuleDirectory, "runtimes", rid, "Tmds.LibC.dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}

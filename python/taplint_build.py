"""taplint's binary wheel: the release binary, with libyaml and the Swift
runtime linked in statically, packed as a wheel that puts `taplint` on PATH.

    python3 python/taplint_build.py [--out DIR]     (scripts/build-wheel)

CloudFormation users live in pip; a wheel that carries the native binary (as
ruff and uv ship theirs) lets them install taplint without a Swift toolchain.

This module is also the PEP 517 build backend that pyproject.toml names, so
`pip install .` from a clone builds and installs the same wheel. Where no
Swift toolchain is on PATH (a developer machine running the `taplint-wheel`
pre-commit hook), the backend has nothing to build with and instead fetches
the released wheel of the same version through pip, from whatever index or
`--find-links` folder pip is configured with.

Only the standard library is used: pip's isolated build environment then
needs nothing from an index.
"""
import argparse
import base64
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build-wheel")
# Every entry of the wheel carries this date, so that the same binary always
# gives the same bytes.
EPOCH = (1980, 1, 1, 0, 0, 0)
# The shared libraries the binary may still need: glibc's, and GCC's C++
# runtime, all within the manylinux policy. libyaml and the Swift runtime
# must be linked in.
ALLOWED_LIBRARIES = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "ld-linux-x86-64.so.2",
                     "ld-linux-aarch64.so.1", "libpthread.so.0", "libdl.so.2", "librt.so.1"}
# On macOS the Swift runtime and Foundation are the system's (Swift links
# them from /usr/lib/swift and the system frameworks; a static standard
# library is a Linux-only option), as are libc++ and libSystem; libyaml must
# still be linked in.
ALLOWED_MAC_PREFIXES = ("/usr/lib/", "/System/Library/Frameworks/")
IS_MAC = sys.platform == "darwin"


class BuildError(Exception):
    pass


def version():
    """The version the binary prints, from its one source."""
    source = open(os.path.join(ROOT, "Sources", "TapLintReport", "Version.swift"), encoding="utf-8").read()
    match = re.search(r'static let current = "([^"]+)"', source)
    if not match:
        raise BuildError("no version in Sources/TapLintReport/Version.swift")
    return match.group(1)


def run(command, **kwargs):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)
    if result.returncode != 0:
        raise BuildError(f"{' '.join(command)} failed:\n{result.stdout}")
    return result.stdout


def static_pkg_config(folder):
    """A yaml-0.1.pc whose Libs find libyaml's static archive, so that the
    link takes libyaml in rather than naming its shared library."""
    libdir = run(["pkg-config", "--variable=libdir", "yaml-0.1"]).strip()
    includedir = run(["pkg-config", "--variable=includedir", "yaml-0.1"]).strip()
    archive = os.path.join(libdir, "libyaml.a")
    if not os.path.exists(archive):
        raise BuildError(f"{archive} not found: install libyaml-dev, which ships the static library")
    with open(os.path.join(folder, "yaml-0.1.pc"), "w", encoding="utf-8") as pc:
        pc.write(f"Name: LibYAML\nDescription: libyaml, linked statically\nVersion: 0.2\n"
                 f"Cflags: -I{includedir}\nLibs: -L{folder} -lyaml\n")
    # The folder holds the archive alone, so both GNU ld and Apple's ld find
    # it before any shared libyaml: `-lyaml` searches the -L folders first.
    shutil.copyfile(archive, os.path.join(folder, "libyaml.a"))


def build_binary():
    """Builds the release binary in its own scratch folder (the pkg-config
    difference would otherwise relink the everyday build) and returns it."""
    if not shutil.which("swift"):
        raise BuildError("no swift on PATH: building the wheel needs a Swift 6 toolchain")
    with tempfile.TemporaryDirectory() as pc:
        static_pkg_config(pc)
        env = dict(os.environ, PKG_CONFIG_PATH=pc + os.pathsep + os.environ.get("PKG_CONFIG_PATH", ""))
        static = [] if IS_MAC else ["--static-swift-stdlib"]
        run(["swift", "build", "-c", "release", *static, "--product", "taplint",
             "--scratch-path", SCRATCH, "--package-path", ROOT], env=env)
    return os.path.join(SCRATCH, "release", "taplint")


def needed_libraries(binary):
    if IS_MAC:
        # otool -L: the binary's own path, then one library a line.
        return [line.split(" (")[0].strip() for line in run(["otool", "-L", binary]).splitlines()[1:] if line.strip()]
    dynamic = run(["readelf", "-d", binary])
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)


def platform_tag(binary):
    """The wheel's platform: manylinux_2_N_<machine>, N the newest glibc
    symbol version the binary uses; or macosx_<major>_<minor>_<machine>,
    from the deployment target the binary was built for."""
    machine = os.uname().machine
    if IS_MAC:
        load = run(["otool", "-l", binary])
        target = re.search(r"LC_BUILD_VERSION.*?minos (\d+)\.(\d+)", load, re.S) \
            or re.search(r"LC_VERSION_MIN_MACOSX.*?version (\d+)\.(\d+)", load, re.S)
        if not target:
            raise BuildError("the binary names no macOS deployment target")
        return f"macosx_{target.group(1)}_{target.group(2)}_{'arm64' if machine == 'arm64' else 'x86_64'}"
    symbols = run(["objdump", "-T", binary])
    minors = [int(m) for m in re.findall(r"GLIBC_2\.(\d+)", symbols)]
    if not minors:
        raise BuildError("the binary names no glibc symbol versions")
    if machine not in ("x86_64", "aarch64"):
        raise BuildError(f"wheels are built for x86_64 and aarch64; this machine is {machine}")
    return f"manylinux_2_{max(minors)}_{machine}"


def check_binary(binary):
    libraries = needed_libraries(binary)
    if IS_MAC:
        linked = [lib for lib in libraries if not lib.startswith(ALLOWED_MAC_PREFIXES)]
    else:
        linked = [lib for lib in libraries if lib not in ALLOWED_LIBRARIES]
    if linked:
        raise BuildError(f"the binary still needs {', '.join(linked)}; libyaml and the Swift runtime must be static")
    printed = run([binary, "--version"]).strip()
    if printed != version():
        raise BuildError(f"the binary says {printed!r}, Version.swift {version()!r}")


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def metadata(ver):
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    return (f"Metadata-Version: 2.1\nName: taplint\nVersion: {ver}\n"
            "Summary: A fast linter and policy checker for AWS CloudFormation and SAM templates\n"
            "License: Apache-2.0\n"
            "Classifier: License :: OSI Approved :: Apache Software License\n"
            "Keywords: cloudformation,sam,aws,lint,iam\n"
            "Classifier: Environment :: Console\n"
            "Classifier: Operating System :: POSIX :: Linux\n"
            "Classifier: Operating System :: MacOS\n"
            "Classifier: Topic :: Software Development :: Quality Assurance\n"
            "Description-Content-Type: text/markdown\n\n" + readme)


def write_wheel(binary, out, ver, tag):
    """Packs the binary as `taplint-VER.data/scripts/taplint`, which pip
    installs into the environment's bin folder, executable."""
    os.makedirs(out, exist_ok=True)
    name = f"taplint-{ver}-py3-none-{tag}.whl"
    dist_info = f"taplint-{ver}.dist-info"
    with tempfile.TemporaryDirectory() as work:
        stripped = os.path.join(work, "taplint")
        shutil.copyfile(binary, stripped)
        # The symbol table is for debuggers; the Swift runtime reads type
        # metadata from its own sections, which stripping keeps.
        if shutil.which("strip"):
            run(["strip", stripped])
        executable = open(stripped, "rb").read()
    entries = [
        (f"taplint-{ver}.data/scripts/taplint", executable, 0o755),
        (f"{dist_info}/METADATA", metadata(ver).encode(), 0o644),
        # The licence and the notice of the data and code the binary carries travel with it.
        (f"{dist_info}/LICENSE", open(os.path.join(ROOT, "LICENSE"), "rb").read(), 0o644),
        (f"{dist_info}/NOTICE", open(os.path.join(ROOT, "NOTICE"), "rb").read(), 0o644),
        (f"{dist_info}/WHEEL", f"Wheel-Version: 1.0\nGenerator: taplint_build\nRoot-Is-Purelib: false\nTag: py3-none-{tag}\n"
                               .encode(), 0o644),
    ]
    record = [record_line(path, data) for path, data, _ in entries] + [f"{dist_info}/RECORD,,"]
    entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode(), 0o644))
    path = os.path.join(out, name)
    with zipfile.ZipFile(path + ".part", "w", compression=zipfile.ZIP_DEFLATED) as wheel:
        for entry, data, mode in entries:
            info = zipfile.ZipInfo(entry, date_time=EPOCH)
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    os.replace(path + ".part", path)
    return name


def build(out):
    binary = build_binary()
    check_binary(binary)
    return write_wheel(binary, out, version(), platform_tag(binary))


def fetch_release(ver, out):
    """The released wheel of this version, through pip, for machines with no
    Swift to build one. pip runs a build backend with its own PYTHONPATH,
    which hides the environment's packages (pip among them); the nested pip
    runs without it."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONNOUSERSITE")}
    with tempfile.TemporaryDirectory() as work:
        result = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                                 "--dest", work, f"taplint=={ver}"],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        wheels = [f for f in os.listdir(work) if f.endswith(".whl")]
        if result.returncode != 0 or not wheels:
            raise BuildError(f"no swift on PATH to build taplint {ver}, and pip found no released wheel of it:\n"
                             + result.stdout)
        os.makedirs(out, exist_ok=True)
        shutil.move(os.path.join(work, wheels[0]), os.path.join(out, wheels[0]))
        return wheels[0]


# PEP 517 hooks.

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    if shutil.which("swift"):
        return build(wheel_directory)
    return fetch_release(version(), wheel_directory)


def build_sdist(sdist_directory, config_settings=None):
    """The files git tracks, as `taplint-VER/…`."""
    ver = version()
    files = run(["git", "-C", ROOT, "ls-files", "-z"]).split("\0")
    name = f"taplint-{ver}.tar.gz"
    os.makedirs(sdist_directory, exist_ok=True)
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as sdist:
        for file in sorted(f for f in files if f):
            sdist.add(os.path.join(ROOT, file), arcname=f"taplint-{ver}/{file}", recursive=False)
        info = tarfile.TarInfo(f"taplint-{ver}/PKG-INFO")
        data = metadata(ver).encode()
        info.size = len(data)
        sdist.addfile(info, io.BytesIO(data))
    return name


def main():
    parser = argparse.ArgumentParser(description="Build taplint's binary wheel.")
    parser.add_argument("--out", default=os.path.join(ROOT, "dist"), help="folder for the wheel (default: dist/)")
    args = parser.parse_args()
    try:
        name = build(args.out)
    except BuildError as error:
        print(f"build-wheel: {error}", file=sys.stderr)
        return 1
    print(os.path.join(args.out, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())

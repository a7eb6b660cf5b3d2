"""The pip build of the ogi package (docs/python.md): CMake builds the C++ module ogi._ogi from the
repository this folder sits in, setuptools packages it with python/ogi/.

    python3 -m pip install --no-build-isolation --no-index ./python

builds in build-python/ at the top of the checkout (configured for the Python running pip), and
setuptools' own files go there too, so the checkout's tracked files are left as they were.
OGI_BUILD_DIR=<dir> (relative to the checkout, e.g. build) builds there instead: in a tree CMake
has configured already (the normal build/), only the module target is built, without configuring
it again or compiling the library anew, and that tree must have been configured for this Python;
an empty or new directory is configured as build-python/ would be.
"""
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GIVEN_TREE = os.environ.get("OGI_BUILD_DIR")
TREE = (ROOT / GIVEN_TREE).resolve() if GIVEN_TREE else ROOT / "build-python"  # relative: to the checkout


def version():
    m = re.search(r"project\(ogi VERSION (\S+)", (ROOT / "CMakeLists.txt").read_text(encoding="utf-8"))
    if not m:
        sys.exit(f"ogi: no project(ogi VERSION …) in {ROOT / 'CMakeLists.txt'}: is {HERE} inside an ogi checkout?")
    return m.group(1)


class CMakeBuild(build_ext):
    """Builds the module with CMake and puts it where setuptools packages extensions."""

    def build_extension(self, ext):
        if not GIVEN_TREE or not (TREE / "CMakeCache.txt").exists():
            # Configured each time for the Python running pip (a venv's, or Debian's).
            subprocess.run(["cmake", "-S", str(ROOT), "-B", str(TREE), "-DCMAKE_BUILD_TYPE=Release",
                            "-DOGI_BUILD_TESTS=OFF", "-DOGI_BUILD_EXAMPLES=OFF", "-DOGI_BUILD_BENCH=OFF",
                            "-DOGI_BUILD_PYTHON=ON", f"-DOGI_PYTHON={sys.executable}"], check=True)
        jobs = str(os.cpu_count() or 1)
        subprocess.run(["cmake", "--build", str(TREE), "--target", "ogi_python", "-j", jobs], check=True)
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        built = TREE / "python" / "ogi" / ("_ogi" + suffix)
        if not built.exists():
            sys.exit(f"ogi: {TREE} has no {built.name}: it was configured for another Python than {sys.executable} "
                     f"(or without pybind11; see its CMake output)")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setuptools_files = TREE / "setuptools"
setuptools_files.mkdir(parents=True, exist_ok=True)
setup(
    version=version(),
    ext_modules=[Extension("ogi._ogi", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": str(setuptools_files / "build")},
             "egg_info": {"egg_base": str(setuptools_files)}},
    zip_safe=False,
)

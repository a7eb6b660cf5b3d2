"""docs/python.md's install commands, as written, into a fresh venv; then `import ogi` from elsewhere."""
import json
import os
import re
import shlex
import subprocess

from conftest import CORPUS, EXAMPLES, ROOT


def documented_commands():
    """The set-up block of docs/python.md: the venv line and the pip install line."""
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    venv = re.findall(r"^/usr/bin/python3 -m venv .*$", text, re.M)
    pip = re.findall(r"^~/ogi-env/bin/python3 -m pip install .*$", text, re.M)
    assert len(venv) == 1 and len(pip) == 1, (venv, pip)
    return shlex.split(venv[0]), shlex.split(pip[0])


def test_the_documented_install_works_offline_in_a_venv(tmp_path):
    venv = tmp_path / "ogi-env"
    make_venv, install = documented_commands()
    assert make_venv[-1] == "~/ogi-env" and install[0] == "~/ogi-env/bin/python3" and "--no-index" in install
    at = lambda args: [a.replace("~/ogi-env", str(venv)) for a in args]  # noqa: E731 (the doc's ~ is here)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "OGI_BUILD_DIR")}
    subprocess.run(at(make_venv), check=True, env=env)
    python = str(venv / "bin" / "python3")
    # Built in the tree this test runs from, where the module is built already (setup.py then
    # builds only its target there: nothing is configured or compiled again); no wheel is kept in
    # ~/.cache, and pip does not ask PyPI for its own version.
    env.update(OGI_BUILD_DIR=os.environ["OGI_BUILD_DIR"], PIP_NO_CACHE_DIR="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    res = subprocess.run(at(install), cwd=ROOT, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    assert "Successfully installed ogi" in res.stdout

    # imported from outside the checkout, it is the installed copy, and it works
    program = (
        "import json, ogi\n"
        f"res = ogi.extract({str(CORPUS / 'seed' / 'liucheng-2020.txt')!r})\n"
        "print(json.dumps({'file': ogi.__file__, 'version': ogi.__version__, 'report': res.report,\n"
        "                  'valid': ogi.validate(res.report).valid}, ensure_ascii=False))\n")
    res = subprocess.run([python, "-c", program], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout)
    assert got["file"].startswith(str(venv)) and "site-packages" in got["file"]
    version = re.search(r"project\(ogi VERSION (\S+)", (ROOT / "CMakeLists.txt").read_text()).group(1)
    assert got["version"] == version
    assert got["report"] == json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))
    assert got["valid"] is True
    # nothing of the build was left in the checkout's python/ folder
    leftovers = {p.name for p in (ROOT / "python").iterdir()} - {
        "CMakeLists.txt", "README.md", "pyproject.toml", "setup.py", "ogi", "src", "tests"}
    assert leftovers == set()

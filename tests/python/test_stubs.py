"""The stubs (danvan/__init__.pyi) match the module, and everything is documented.

Checked both ways: every public name of the module is in the stubs and every name in the
stubs exists; the same for the members of every class (methods, properties, enum members,
exception attributes); parameter names and keyword-only markers agree with the signatures
pybind11 records; every function, method and property has a docstring.
"""

import ast
import enum
import inspect
import re
import types

import pytest

import danvan
from conftest import ROOT, STUB_PATH

TREE = ast.parse(STUB_PATH.read_text(encoding="utf-8"))


def is_public(name: str) -> bool:
    return not name.startswith("_")


def stub_top_level() -> dict[str, ast.AST]:
    names = {}
    for node in TREE.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    names[t.id] = node
    return names


STUB = stub_top_level()
# The module's classes; a private stub class (_Field) is a typing helper with no runtime twin.
STUB_CLASSES = {n: node for n, node in STUB.items()
                if isinstance(node, ast.ClassDef) and is_public(n)}


def stub_functions(body) -> dict[str, list[ast.FunctionDef]]:
    """Function definitions by name (several for @overload)."""
    out: dict[str, list[ast.FunctionDef]] = {}
    for node in body:
        if isinstance(node, ast.FunctionDef):
            out.setdefault(node.name, []).append(node)
    return out


def stub_class_members(node: ast.ClassDef) -> set[str]:
    names = set()
    for item in node.body:
        if isinstance(item, ast.FunctionDef):
            names.add(item.name)
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            names.add(item.target.id)
        elif isinstance(item, ast.Assign):
            names.update(t.id for t in item.targets if isinstance(t, ast.Name))
    return names


def runtime_public_names() -> set[str]:
    return {n for n, v in vars(danvan).items()
            if is_public(n) and not isinstance(v, types.ModuleType)}


def runtime_class_members(cls) -> set[str]:
    """Names defined by the class itself or by danvan bases (not object, Exception, Enum)."""
    names = set()
    for klass in cls.__mro__:
        if klass.__module__ == "danvan":
            names.update(vars(klass))
    if issubclass(cls, enum.Enum):
        names = set(cls.__members__)
    return names


def test_every_public_name_is_in_the_stubs_and_back():
    runtime = runtime_public_names()
    stub = {n for n in STUB if is_public(n)}
    assert runtime - stub == set(), "in the module, missing from __init__.pyi"
    assert stub - runtime == set(), "in __init__.pyi, missing from the module"
    assert "__version__" in STUB and "__version__" in vars(danvan)


def test_all_lists_the_public_names():
    assert set(danvan.__all__) == runtime_public_names() - {"ValueError"}
    assert len(danvan.__all__) == len(set(danvan.__all__))


def test_the_core_module_has_nothing_the_package_lacks():
    core = {n for n in vars(danvan._core) if is_public(n)}
    assert core == runtime_public_names()


@pytest.mark.parametrize("name", sorted(STUB_CLASSES))
def test_class_members_match(name):
    cls = getattr(danvan, name)
    # The stub's members and those of its danvan bases, as the runtime side counts them
    # (JsonError has the problems of ValueError).
    stub, bases = set(), [STUB_CLASSES[name]]
    while bases:
        node = bases.pop()
        stub |= stub_class_members(node)
        bases += [STUB_CLASSES[b.id] for b in node.bases
                  if isinstance(b, ast.Name) and b.id in STUB_CLASSES]
    runtime = runtime_class_members(cls)
    assert {n for n in runtime if is_public(n)} == {n for n in stub if is_public(n)}
    # Every special method the stubs promise exists (the runtime has more, e.g. __reduce__).
    missing = {n for n in stub if n.startswith("__") and not hasattr(cls, n)}
    assert missing == set()


def split_top_level(params: str) -> list[str]:
    out, depth, current = [], 0, ""
    for ch in params:
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        out.append(current.strip())
    return out


def runtime_signatures(func) -> list[tuple[list[str], list[str]]]:
    """(positional names, keyword-only names) of each pybind11 overload, without self; of
    the one signature of a function written in Python (Registry.to_pandas)."""
    if inspect.isfunction(func):
        params = [p for p in inspect.signature(func).parameters.values() if p.name != "self"]
        return [([p.name for p in params if p.kind is not p.KEYWORD_ONLY],
                 [p.name for p in params if p.kind is p.KEYWORD_ONLY])]
    doc = func.__doc__ or ""
    name = func.__name__
    lines = [line for line in doc.splitlines()
             if re.match(rf"^(\d+\. )?{re.escape(name)}\(", line)]
    sigs = []
    for line in lines:
        if line.startswith(f"{name}(*args, **kwargs)"):
            continue  # the overload header
        inner = line[line.index("(") + 1:line.rindex(") ->")]
        positional, keyword, kw_only = [], [], False
        for p in split_top_level(inner):
            if p == "*":
                kw_only = True
                continue
            pname = p.split(":")[0].split("=")[0].strip()
            if pname == "self":
                continue
            (keyword if kw_only else positional).append(pname)
        sigs.append((positional, keyword))
    return sigs


def stub_signature(node: ast.FunctionDef, is_method: bool) -> tuple[list[str], list[str]]:
    positional = [a.arg for a in node.args.args]
    decorators = {d.id for d in node.decorator_list if isinstance(d, ast.Name)}
    if is_method and "staticmethod" not in decorators:
        positional = positional[1:]
    return positional, [a.arg for a in node.args.kwonlyargs]


def callables():
    """(label, runtime callable, stub nodes, is_method) for every function and method."""
    for name, nodes in stub_functions(TREE.body).items():
        yield name, getattr(danvan, name, None), nodes, False
    for cname, cnode in STUB_CLASSES.items():
        cls = getattr(danvan, cname)
        if issubclass(cls, (enum.Enum, BaseException)):
            continue
        for mname, nodes in stub_functions(cnode.body).items():
            decorators = {d.id for n in nodes for d in n.decorator_list if isinstance(d, ast.Name)}
            if "property" in decorators or mname in ("__eq__", "__ne__", "__lt__", "__le__",
                                                     "__gt__", "__ge__"):
                continue
            if any(isinstance(d, ast.Attribute) for n in nodes for d in n.decorator_list):
                continue  # @x.setter
            yield f"{cname}.{mname}", getattr(cls, mname, None), nodes, True


@pytest.mark.parametrize("label,func,nodes,is_method", list(callables()),
                         ids=[c[0] for c in callables()])
def test_parameters_match(label, func, nodes, is_method):
    assert func is not None, f"{label} is in the stubs only"
    runtime = sorted(runtime_signatures(func))
    stub = sorted(stub_signature(n, is_method) for n in nodes)
    assert runtime, f"no pybind11 signature for {label}"
    assert runtime == stub


def documented(obj) -> bool:
    """A docstring with more than pybind11's generated signature."""
    doc = inspect.getdoc(obj) or ""
    text = [line for line in doc.splitlines()
            if line.strip() and not re.match(r"^(\d+\. )?\w+\(.*\)( -> .*)?$", line)
            and line.strip() != "Overloaded function."]
    return bool(text)


def test_every_function_method_and_property_is_documented():
    undocumented = []
    for name in runtime_public_names():
        obj = getattr(danvan, name)
        if callable(obj) and not isinstance(obj, type):
            if not documented(obj):
                undocumented.append(name)
        elif isinstance(obj, type):
            if not (obj.__doc__ or "").strip():
                undocumented.append(name)
            if issubclass(obj, (enum.Enum, BaseException)):
                continue
            for mname, member in vars(obj).items():
                if mname.startswith("_") and mname not in ("__init__",):
                    continue
                target = member.__func__ if isinstance(member, staticmethod) else member
                if isinstance(member, property) or callable(target):
                    if not documented(member if isinstance(member, property) else target):
                        undocumented.append(f"{name}.{mname}")
    assert undocumented == []


def test_the_package_is_the_one_in_the_source_tree():
    """The build copies danvan/*.py[i] next to _core; a stale copy would test old stubs."""
    import pathlib
    source = pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python" / "danvan"
    built = pathlib.Path(danvan.__file__).parent
    if built == source or not source.is_dir():
        pytest.skip("not running against a build tree")
    for name in ("__init__.py", "__init__.pyi", "py.typed"):
        assert (built / name).read_bytes() == (source / name).read_bytes(), (
            f"{built / name} is stale: rebuild (cmake --build) to copy it")


def test_every_public_name_is_exercised_by_the_suite():
    """A cheap guard that new bindings come with tests: each public function, class and
    class member (methods, properties, enum members aside) is named in some test file."""
    import pathlib
    here = pathlib.Path(__file__).resolve().parent
    text = "\n".join(p.read_text(encoding="utf-8") for p in here.glob("test_*.py")
                     if p.name != "test_stubs.py")
    text += (here / "conftest.py").read_text(encoding="utf-8")
    missing = []
    for name in sorted(runtime_public_names()):
        if not re.search(rf"\b{re.escape(name)}\b", text):
            missing.append(name)
        cls = getattr(danvan, name)
        if isinstance(cls, type) and not issubclass(cls, (enum.Enum, BaseException)):
            for member in sorted(runtime_class_members(cls)):
                if is_public(member) and not re.search(rf"\.{re.escape(member)}\b", text):
                    missing.append(f"{name}.{member}")
    assert missing == []


def enum_names_in(annotation: ast.AST) -> set[str]:
    names = {n.id for n in ast.walk(annotation) if isinstance(n, ast.Name)}
    return {n for n in names if isinstance(getattr(danvan, n, None), type)
            and issubclass(getattr(danvan, n), enum.Enum)}


def accepts_str(annotation: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "str" for n in ast.walk(annotation))


def test_enum_parameters_are_typed_to_take_str_too():
    """Every enum parameter takes the plain string at run time (EntryKind.model or "model"), so
    the stubs type it `EntryKind | str` and mypy --strict accepts select(kind="model") (issue 12).
    vietnamese_name is overloaded on the enum, where a str would be ambiguous."""
    missing = []
    for node in ast.walk(TREE):
        if not isinstance(node, ast.FunctionDef) or node.name == "vietnamese_name":
            continue
        for arg in [*node.args.args, *node.args.kwonlyargs]:
            if arg.annotation is not None and enum_names_in(arg.annotation) and \
                    not accepts_str(arg.annotation):
                missing.append(f"{node.name}({arg.arg}: {ast.unparse(arg.annotation)})")
    assert missing == []


def test_the_enum_parameters_take_str_at_run_time():
    registry = danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")
    assert registry.select(kind="model", level="province") == registry.select(
        kind=danvan.EntryKind.model, level=danvan.Level.province)
    assert danvan.Period("quarter", 2020, 4) == danvan.Period(danvan.PeriodType.quarter, 2020, 4)

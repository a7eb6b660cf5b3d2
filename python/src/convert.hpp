// Python values and report JSON, both ways, for the module (module.cpp). Every function here
// needs the GIL.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/json/json.hpp>

#include <pybind11/pybind11.h>

#include <vector>

namespace ogi::python {

namespace py = pybind11;

/// A JSON value as plain Python: an object → dict (in its order), an array → list, a string →
/// str, a number → int or float, true/false → bool, null → None. Report JSON writes money as
/// strings, so nothing exact becomes a float.
py::object to_python(const boost::json::value& v);

/// A Python value as JSON: dict (str keys), list or tuple, str, int (or anything with
/// __index__, such as numpy's integers), float, bool, None, and decimal.Decimal as the string of
/// its plain digits (money is exact as a string, report-json.md). A float's text is kept in
/// number_text, as a parser keeps a number's. Throws py::type_error or py::value_error naming the
/// JSON Pointer of the first value that is no JSON (a set, NaN, a non-str key, a cycle …), and
/// holds the document to `limits` as the parser does.
JsonDocument from_python(py::handle value, const JsonLimits& limits = {});

/// A diagnostic as an ogi.Diagnostic (python/ogi/_types.py).
py::object to_python(const Diagnostic& d);
/// Diagnostics as a list of ogi.Diagnostic.
py::list to_python(const std::vector<Diagnostic>& diagnostics);

/// The class `name` of ogi._types (Diagnostic, ValidationResult, NotComparable …).
py::object type(const char* name);

}  // namespace ogi::python

// Python values and report JSON (convert.hpp).
#include "convert.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <string_view>

namespace json = boost::json;

namespace ogi::python {

py::object type(const char* name) { return py::module_::import("ogi._types").attr(name); }

// ---------------------------------------------------------------- JSON → Python

namespace {

py::str text(std::string_view s) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "strict");
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(o);
}

}  // namespace

py::object to_python(const json::value& v) {
    switch (v.kind()) {
    case json::kind::null: return py::none();
    case json::kind::bool_: return py::bool_(v.get_bool());
    case json::kind::int64: return py::int_(v.get_int64());
    case json::kind::uint64: return py::int_(v.get_uint64());
    case json::kind::double_: return py::float_(v.get_double());
    case json::kind::string: return text(v.get_string());
    case json::kind::array: {
        const json::array& a = v.get_array();
        py::list out(a.size());
        for (std::size_t i = 0; i < a.size(); ++i) out[i] = to_python(a[i]);
        return out;
    }
    case json::kind::object: {
        py::dict out;
        for (const auto& kv : v.get_object()) out[text(kv.key())] = to_python(kv.value());
        return out;
    }
    }
    return py::none();
}

// ---------------------------------------------------------------- Python → JSON

namespace {

class FromPython {
public:
    explicit FromPython(const JsonLimits& limits) : limits_(limits), decimal_(py::module_::import("decimal").attr("Decimal")) {}

    json::value convert(py::handle v, JsonDocument& doc) {
        if (++values_ > limits_.max_values)
            throw py::value_error(fmt::format("report JSON at {}: more than {} values in the document", pointer(),
                                              limits_.max_values));
        if (v.is_none()) return nullptr;
        if (PyBool_Check(v.ptr())) return v.ptr() == Py_True;
        if (PyLong_Check(v.ptr())) return integer(v, doc);
        if (PyFloat_Check(v.ptr())) {
            const double d = PyFloat_AS_DOUBLE(v.ptr());
            if (!std::isfinite(d))
                throw py::value_error(fmt::format("report JSON at {}: {} is no JSON number (a blank cell is None)",
                                                  pointer(), py::repr(v).cast<std::string>()));
            // The shortest text that reads back as this double (what Python prints): what was typed.
            doc.number_text[pointer()] = fmt::format("{}", d);
            return d;
        }
        if (PyUnicode_Check(v.ptr())) return string(v);
        if (PyDict_Check(v.ptr())) return object(v, doc);
        if (PyList_Check(v.ptr()) || PyTuple_Check(v.ptr())) return array(v, doc);
        if (py::isinstance(v, decimal_)) {
            if (!v.attr("is_finite")().cast<bool>())
                throw py::value_error(fmt::format("report JSON at {}: {} is no amount", pointer(),
                                                  py::str(v).cast<std::string>()));
            // Money as the string of its digits (format 'f': never an exponent): exact.
            return json::string(py::str(py::module_::import("builtins").attr("format")(v, "f")).cast<std::string>());
        }
        if (PyIndex_Check(v.ptr())) {  // numpy.int64 and other integers that are not int
            const py::object i = py::reinterpret_steal<py::object>(PyNumber_Index(v.ptr()));
            if (!i) throw py::error_already_set();
            return integer(i, doc);
        }
        throw py::type_error(fmt::format("report JSON at {}: a {} is no JSON value (use dict, list, str, int, float, "
                                         "bool, None or decimal.Decimal)",
                                         pointer(), py::str(py::type::handle_of(v).attr("__name__")).cast<std::string>()));
    }

private:
    std::string pointer() const {
        if (path_.empty()) return "/";
        std::string out;
        for (const std::string& p : path_) {
            out += '/';
            for (char c : p) {
                if (c == '~') out += "~0";
                else if (c == '/') out += "~1";
                else out += c;
            }
        }
        return out;
    }

    json::value integer(py::handle v, JsonDocument& doc) {
        int overflow = 0;
        const long long n = PyLong_AsLongLongAndOverflow(v.ptr(), &overflow);
        if (overflow == 0) {
            if (n == -1 && PyErr_Occurred()) throw py::error_already_set();
            return static_cast<std::int64_t>(n);
        }
        if (overflow > 0) {
            const unsigned long long u = PyLong_AsUnsignedLongLong(v.ptr());
            if (!PyErr_Occurred()) return static_cast<std::uint64_t>(u);
            PyErr_Clear();
        }
        // Past 64 bits: a parser makes such a literal a double and keeps its text; so does this,
        // and the reader then says what is wrong with it where it stands.
        const std::string digits = py::str(v).cast<std::string>();
        doc.number_text[pointer()] = digits;
        return PyLong_AsDouble(v.ptr());
    }

    json::value string(py::handle v) {
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(v.ptr(), &size);
        if (!data) {
            PyErr_Clear();
            throw py::value_error(fmt::format("report JSON at {}: the string is no valid Unicode text (a lone surrogate)",
                                              pointer()));
        }
        if (static_cast<std::size_t>(size) > limits_.max_string_bytes)
            throw py::value_error(fmt::format("report JSON at {}: a string of {} bytes, over the limit of {}", pointer(),
                                              size, limits_.max_string_bytes));
        return json::string(std::string_view(data, static_cast<std::size_t>(size)));
    }

    void enter() {
        if (path_.size() >= limits_.max_depth)
            throw py::value_error(fmt::format("report JSON at {}: nested deeper than {} (or a dict or list holds itself)",
                                              pointer(), limits_.max_depth));
    }

    json::value object(py::handle v, JsonDocument& doc) {
        enter();
        if (static_cast<std::size_t>(PyDict_Size(v.ptr())) > limits_.max_items)
            throw py::value_error(fmt::format("report JSON at {}: more than {} keys", pointer(), limits_.max_items));
        json::object out;
        out.reserve(static_cast<std::size_t>(PyDict_Size(v.ptr())));
        PyObject *key = nullptr, *value = nullptr;
        Py_ssize_t pos = 0;
        while (PyDict_Next(v.ptr(), &pos, &key, &value)) {
            if (!PyUnicode_Check(key))
                throw py::type_error(fmt::format("report JSON at {}: the key {} is not a str (JSON keys are strings)",
                                                 pointer(), py::repr(key).cast<std::string>()));
            const json::value k = string(key);
            path_.emplace_back(k.get_string());
            // Hold both: a dict's own entries may go while a conversion runs Python code (__index__).
            const py::object held = py::reinterpret_borrow<py::object>(value);
            json::value converted = convert(held, doc);
            out.insert_or_assign(k.get_string(), std::move(converted));
            path_.pop_back();
        }
        return out;
    }

    json::value array(py::handle v, JsonDocument& doc) {
        enter();
        const py::sequence seq = py::reinterpret_borrow<py::sequence>(v);
        const std::size_t n = seq.size();
        if (n > limits_.max_items)
            throw py::value_error(fmt::format("report JSON at {}: more than {} entries", pointer(), limits_.max_items));
        json::array out;
        out.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            path_.push_back(std::to_string(i));
            out.push_back(convert(seq[i], doc));
            path_.pop_back();
        }
        return out;
    }

    const JsonLimits& limits_;
    py::object decimal_;
    std::vector<std::string> path_;
    std::size_t values_ = 0;
};

}  // namespace

JsonDocument from_python(py::handle value, const JsonLimits& limits) {
    JsonDocument doc;
    FromPython converter(limits);
    doc.value = converter.convert(value, doc);
    return doc;
}

// ---------------------------------------------------------------- diagnostics

namespace {

py::object to_python(const Diagnostic& d, py::handle cls) {
    py::tuple related(d.related.size());
    for (std::size_t i = 0; i < d.related.size(); ++i) related[i] = text(d.related[i]);
    auto optional = [](const auto& o) -> py::object { return o ? py::object(py::int_(*o)) : py::object(py::none()); };
    return cls(text(d.rule), text(to_string(d.severity)), text(d.path), text(d.message_zh), text(d.message_en),
               optional(d.expected), optional(d.actual), related, optional(d.line), optional(d.column));
}

}  // namespace

py::object to_python(const Diagnostic& d) { return to_python(d, type("Diagnostic")); }

py::list to_python(const std::vector<Diagnostic>& diagnostics) {
    const py::object cls = type("Diagnostic");
    py::list out(diagnostics.size());
    for (std::size_t i = 0; i < diagnostics.size(); ++i) out[i] = to_python(diagnostics[i], cls);
    return out;
}

}  // namespace ogi::python

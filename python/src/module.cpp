// ogi._ogi: the library for Python (docs/python.md). Each function takes its arguments from
// Python with the GIL held, lets the GIL go while the library works (py::gil_scoped_release),
// and gives its results back as plain Python values: a pool of Python threads calling it keeps
// every core busy. Nothing here checks, reads or draws a report itself; it only converts.
#include "convert.hpp"

#include <ogi/batch/files.hpp>
#include <ogi/batch/inputs.hpp>
#include <ogi/batch/read_ahead.hpp>
#include <ogi/batch/run_ordered.hpp>
#include <ogi/ogi.hpp>
#include <ogi/read/extract.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace json = boost::json;
namespace py = pybind11;

namespace ogi::python {

namespace {

constexpr std::size_t default_max_bytes = 64u << 20;
/// The keyword that raises the size limit, named in the message of a file over it.
constexpr std::string_view max_bytes_keyword = "max_bytes=";

/// A file that could not be read, with the library's sentence: raised as FileNotFoundError,
/// IsADirectoryError, PermissionError or OSError, by what the file system says of `path`.
class ReadFailure : public std::runtime_error {
public:
    ReadFailure(const std::string& message, std::string path) : std::runtime_error(message), path_(std::move(path)) {}
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    std::string path_;
};

/// Thrown out of run_ordered() to stop read_folder(); the Python error is already set.
struct Stopped {};

Lang parse_lang(const std::optional<std::string>& lang) {
    if (!lang) return lang_from_environment();
    if (*lang == "zh") return Lang::zh;
    if (*lang == "en") return Lang::en;
    throw py::value_error(fmt::format("lang must be \"zh\" or \"en\", not \"{}\"", *lang));
}

std::string read_whole(const std::string& path, std::size_t max_bytes) {
    std::string error;
    auto bytes = batch::read_file(path, batch::ReadLimit{max_bytes, max_bytes_keyword}, Lang::en, error);
    if (!bytes) throw ReadFailure(error, path);
    return std::move(*bytes);
}

/// A path given as str, bytes path or os.PathLike; nothing for anything else.
std::optional<std::string> as_path(py::handle v) {
    if (!PyUnicode_Check(v.ptr()) && !py::hasattr(v, "__fspath__")) return std::nullopt;
    return py::str(py::module_::import("os").attr("fsdecode")(v)).cast<std::string>();
}

/// The bytes of a bytes, bytearray or memoryview (copied: a bytearray may change meanwhile).
std::optional<std::string> as_bytes(py::handle v) {
    if (PyUnicode_Check(v.ptr()) || !PyObject_CheckBuffer(v.ptr())) return std::nullopt;
    py::buffer_info info = py::reinterpret_borrow<py::buffer>(v).request();
    return std::string(static_cast<const char*>(info.ptr), static_cast<std::size_t>(info.size * info.itemsize));
}

/// A report as the caller gave it: a dict (converted now, with the GIL), report JSON bytes, or
/// the path of a report JSON file (read later, without the GIL).
struct Source {
    std::optional<JsonDocument> doc;
    std::string text;
    std::optional<std::string> path;
    std::string name;  ///< how messages name it: the path, else the argument ("earlier", "parts[2]") or nothing
};

Source take(py::handle v, const std::string& role) {
    Source s;
    if (PyDict_Check(v.ptr())) {
        s.doc = from_python(v);
        s.name = role;
    } else if (auto bytes = as_bytes(v)) {
        s.text = std::move(*bytes);
        s.name = role;
    } else if (auto path = as_path(v)) {
        s.name = *path;
        s.path = std::move(path);
    } else {
        throw py::type_error(fmt::format("{}{}a report is a dict, report JSON as bytes, or the path of a report JSON "
                                         "file; found a {}",
                                         role, role.empty() ? "" : ": ",
                                         py::str(py::type::handle_of(v).attr("__name__")).cast<std::string>()));
    }
    return s;
}

/// The report JSON of a source, read and parsed if need be (no GIL). A file that cannot be read
/// raises OSError, text that is no JSON ValueError, each with the tool's words.
const JsonDocument& parse(Source& s) {
    if (s.doc) return *s.doc;
    if (s.path) s.text = read_whole(*s.path, default_max_bytes);
    Diagnostic problem;
    auto doc = parse_json(s.text, problem);
    if (!doc) {
        const std::string where = problem.line ? fmt::format(":{}:{}", *problem.line, *problem.column) : "";
        if (s.name.empty())
            throw py::value_error(fmt::format("not valid JSON{}: {}", where.empty() ? "" : " at " + where.substr(1),
                                              problem.message_en));
        throw py::value_error(fmt::format("{}{} is not valid JSON: {}", s.name, where, problem.message_en));
    }
    s.doc = std::move(*doc);
    return *s.doc;
}

/// The report of a source (no GIL); ValueError naming the first problem and its JSON Pointer.
Report report_of(Source& s) {
    const JsonDocument& doc = parse(s);
    try {
        return json::value_to<Report>(doc.value);
    } catch (const std::invalid_argument& e) {
        throw py::value_error(fmt::format("{}{}{} (see ogi.validate for every problem)", s.name, s.name.empty() ? "" : " is ",
                                          e.what()));
    }
}

py::object report_to_python(const Report& r) { return to_python(json::value_from(r)); }

py::object decimal_to_python(const std::optional<Decimal>& d) {
    if (!d) return py::none();
    return py::module_::import("decimal").attr("Decimal")(d->to_string());
}

py::object validation_to_python(const ValidationResult& r) {
    return type("ValidationResult")(r.valid, to_python(r.diagnostics));
}

ValidateOptions validate_options(bool blanks_as_zero, bool warnings_as_errors) {
    ValidateOptions o;
    o.blanks_as_zero = blanks_as_zero;
    o.warnings_as_errors = warnings_as_errors;
    return o;
}

// ---------------------------------------------------------------- the functions

py::object extract_py(py::handle source, std::optional<std::string> source_name, bool with_provenance,
                      std::size_t max_bytes) {
    std::optional<std::string> path;
    std::string bytes;
    if (auto b = as_bytes(source)) {
        bytes = std::move(*b);
    } else if ((path = as_path(source))) {
        if (!source_name) source_name = std::filesystem::path(*path).filename().string();
    } else {
        throw py::type_error(fmt::format("extract() reads a path (str or os.PathLike) or the bytes of a file; found a {}",
                                         py::str(py::type::handle_of(source).attr("__name__")).cast<std::string>()));
    }
    ExtractOptions options;
    options.source_name = source_name.value_or("");
    options.with_provenance = with_provenance;
    options.max_bytes = max_bytes;
    std::optional<json::value> report;
    ExtractResult result;
    {
        py::gil_scoped_release unlocked;
        if (path) bytes = read_whole(*path, max_bytes);
        result = extract(bytes, options);
        if (result.report) report = json::value_from(*result.report);
    }
    py::dict provenance;
    for (const auto& [pointer, at] : result.provenance) provenance[py::str(pointer)] = py::make_tuple(at.line, at.column);
    return type("ExtractResult")(report ? to_python(*report) : py::none(), to_python(result.diagnostics),
                                 result.complete, provenance);
}

py::object validate_py(py::handle report, bool blanks_as_zero, bool warnings_as_errors) {
    Source s = take(report, "");
    const ValidateOptions options = validate_options(blanks_as_zero, warnings_as_errors);
    ValidationResult result;
    {
        py::gil_scoped_release unlocked;
        if (s.doc) {
            result = validate_json(*s.doc, options);
        } else {
            if (s.path) s.text = read_whole(*s.path, default_max_bytes);
            result = validate_json_text(s.text, options);  // exactly what `ogi validate` does with the file
        }
    }
    return validation_to_python(result);
}

py::object compare_py(py::handle earlier, py::handle later, bool force, bool blanks_as_zero, bool warnings_as_errors) {
    Source a = take(earlier, "earlier"), b = take(later, "later");
    CompareOptions options;
    options.force = force;
    options.blanks_as_zero = blanks_as_zero;
    options.warnings_as_errors = warnings_as_errors;
    CompareResult result;
    std::vector<YearOnYear> rows;
    {
        py::gil_scoped_release unlocked;
        const Report first = report_of(a), second = report_of(b);
        result = compare(first, second, options);
        rows = year_on_year(first, second);
    }
    const py::object row_type = type("YearOnYear");
    py::list table;
    for (const YearOnYear& r : rows)
        table.append(row_type(r.pointer, r.label, decimal_to_python(r.earlier), decimal_to_python(r.later),
                              decimal_to_python(r.change)));
    return type("CompareResult")(result.valid, to_python(result.diagnostics), table);
}

std::vector<Source> take_all(py::handle values, const std::string& role) {
    std::vector<Source> out;
    std::size_t i = 0;
    for (py::handle v : py::iter(values)) out.push_back(take(v, fmt::format("{}[{}]", role, i++)));
    return out;
}

std::vector<Report> reports_of(std::vector<Source>& sources) {
    std::vector<Report> out;
    out.reserve(sources.size());
    for (Source& s : sources) out.push_back(report_of(s));
    return out;
}

py::object aggregate_py(py::handle parts, std::optional<std::string> agency) {
    if (PyDict_Check(parts.ptr()) || PyUnicode_Check(parts.ptr()))
        throw py::type_error("aggregate() sums a list of reports; found a single one");
    std::vector<Source> sources = take_all(parts, "parts");
    AggregateOptions options;
    options.agency_name = agency.value_or("");
    std::optional<AggregateResult> sum;
    json::value report;
    {
        py::gil_scoped_release unlocked;
        const std::vector<Report> reports = reports_of(sources);
        sum.emplace(aggregate(reports, options));
        report = json::value_from(sum->report);
    }
    return type("AggregateResult")(to_python(report), to_python(sum->notes));
}

py::object check_aggregate_py(py::handle given, py::handle parts) {
    Source total = take(given, "aggregate");
    std::vector<Source> sources = take_all(parts, "parts");
    ValidationResult result;
    {
        py::gil_scoped_release unlocked;
        const Report sum = report_of(total);
        const std::vector<Report> reports = reports_of(sources);
        result = check_aggregate(sum, reports);
    }
    return validation_to_python(result);
}

std::string render_py(py::handle report, const std::string& to, bool check, std::optional<std::string> lang) {
    const auto format = parse_render_format(to);
    if (!format) throw py::value_error(fmt::format("to must be \"html\", \"markdown\" or \"text\", not \"{}\"", to));
    RenderOptions options;
    options.lang = parse_lang(lang);
    Source s = take(report, "");
    py::gil_scoped_release unlocked;
    ValidationResult checked;
    if (check) {
        checked = validate_json(parse(s));  // as `ogi render --check`: the findings are marked
        options.marks = &checked.diagnostics;
    }
    return render(report_of(s), *format, options);
}

// ---------------------------------------------------------------- to_dataframe

/// What a column of export_table() holds, for the Python side to type it: "text", "integer"
/// (the year), "count", "money", "unit", or "value" (the long form's mixed value column).
std::string_view kind_name(CellKind k) {
    switch (k) {
    case CellKind::count:
    case CellKind::signed_count: return "count";
    case CellKind::money: return "money";
    case CellKind::unit: return "unit";
    }
    return "text";
}

std::vector<std::string> header_columns(std::string header) {
    while (!header.empty() && (header.back() == '\n' || header.back() == '\r')) header.pop_back();
    if (header.find('"') != std::string::npos) throw std::logic_error("an export column name is quoted: " + header);
    std::vector<std::string> out;
    std::size_t from = 0;
    for (;;) {
        const auto comma = header.find(',', from);
        out.push_back(header.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
        if (comma == std::string::npos) return out;
        from = comma + 1;
    }
}

/// The columns of `ogi export` for these reports: names, values (a list per column) and kinds.
/// The names come from the library (csv_long_header, csv_wide_header, wide_cell_columns) and
/// each value is csv_value()'s text, typed: a count as int, money as decimal.Decimal (exact), a
/// unit word as str, a blank as None.
/// With `skip_invalid`, a report that cannot be read is left out, as `ogi export` leaves out a
/// file it cannot read and goes on, and named in the last element: (index, message) pairs.
/// `labels` name the reports in messages (a file name, or "reports[3]").
py::tuple export_table_py(py::handle reports, std::vector<std::string> files, const std::vector<std::string>& labels,
                          bool wide, bool skip_invalid) {
    std::vector<Source> sources;
    for (py::handle v : py::iter(reports)) {
        if (sources.size() >= labels.size()) throw py::value_error("fewer labels than reports");
        sources.push_back(take(v, labels[sources.size()]));
    }
    if (files.size() != sources.size() || labels.size() != sources.size())
        throw py::value_error(fmt::format("{} file names for {} reports", files.size(), sources.size()));
    std::vector<Report> rs;
    std::vector<std::pair<std::size_t, std::string>> skipped;
    {
        py::gil_scoped_release unlocked;
        rs.reserve(sources.size());
        std::vector<std::string> kept;
        for (std::size_t i = 0; i < sources.size(); ++i) {
            try {
                rs.push_back(report_of(sources[i]));
                kept.push_back(std::move(files[i]));
            } catch (const py::value_error& e) {
                if (!skip_invalid) throw;
                skipped.emplace_back(i, e.what());
            } catch (const ReadFailure& e) {
                if (!skip_invalid) throw;
                skipped.emplace_back(i, e.what());
            }
        }
        files = std::move(kept);
    }
    std::vector<Edition> editions;
    for (Edition e : all_editions)
        if (std::any_of(rs.begin(), rs.end(), [&](const Report& r) { return r.edition() == e; })) editions.push_back(e);
    const std::vector<std::string> columns = header_columns(wide ? csv_wide_header(editions) : csv_long_header());
    const std::vector<std::string> cells = wide ? wide_cell_columns(editions) : std::vector<std::string>{};
    const std::size_t identity = columns.size() - cells.size();

    const py::object decimal = py::module_::import("decimal").attr("Decimal");
    auto typed = [&](const std::string& text, CellKind kind) -> py::object {
        if (text.empty()) return py::none();
        switch (kind) {
        case CellKind::count:
        case CellKind::signed_count: {
            PyObject* n = PyLong_FromString(text.c_str(), nullptr, 10);
            if (!n) throw py::error_already_set();
            return py::reinterpret_steal<py::object>(n);
        }
        case CellKind::money: return decimal(text);
        case CellKind::unit: break;
        }
        return py::str(text);
    };
    std::vector<py::list> data(columns.size());
    std::vector<std::string> kinds(columns.size(), "text");
    for (std::size_t c = identity; c < columns.size(); ++c)
        for (Edition e : editions)
            if (const auto cell = form(e).find("/" + cells[c - identity])) {
                kinds[c] = kind_name(form(e).column(form(e).cells()[*cell]).kind);
                break;
            }
    for (std::size_t c = 0; c < identity; ++c) {
        if (columns[c] == "year") kinds[c] = "integer";
        if (columns[c] == "value") kinds[c] = "value";
    }

    for (std::size_t i = 0; i < rs.size(); ++i) {
        const Report& r = rs[i];
        const Form& f = r.form();
        // One Python object for a report's repeated fields, and one for each key.
        const py::str file(files[i]), agency(r.agency.name), edition(std::string(to_string(r.edition())));
        const py::int_ year(r.year);
        const py::object published = r.published_on ? py::object(py::str(*r.published_on)) : py::object(py::none());
        auto identity_value = [&](const std::string& name) -> py::object {
            if (name == "file") return file;
            if (name == "agency") return agency;
            if (name == "year") return year;
            if (name == "edition") return edition;
            if (name == "published_on") return published;
            throw std::logic_error("ogi export has a column the Python module does not know: " + name);
        };
        if (wide) {
            for (std::size_t c = 0; c < identity; ++c) data[c].append(identity_value(columns[c]));
            for (std::size_t c = identity; c < columns.size(); ++c) {
                const auto cell = f.find("/" + cells[c - identity]);
                data[c].append(cell ? typed(csv_value(r, *cell), f.column(f.cells()[*cell]).kind) : py::none());
            }
            continue;
        }
        // The long form: a row per cell of the report's layout, as append_csv_long writes them.
        for (CellIndex cell = 0; cell < f.cells().size(); ++cell) {
            if (r.cells()[cell].state == Cell::State::absent) continue;
            const CellDef& d = f.cells()[cell];
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const std::string& name = columns[c];
                if (name == "table") data[c].append(py::str(f.tables()[d.table].key));
                else if (name == "row") data[c].append(py::str(f.row(d).key));
                else if (name == "column") data[c].append(py::str(f.column(d).key));
                else if (name == "value") data[c].append(typed(csv_value(r, cell), f.column(d).kind));
                else data[c].append(identity_value(name));
            }
        }
    }
    py::list values;
    for (py::list& l : data) values.append(std::move(l));
    return py::make_tuple(columns, values, kinds, skipped);
}

// ---------------------------------------------------------------- read_folder

bool ends_with_json(std::string_view path) {
    if (path.size() < 5) return false;
    std::string tail(path.substr(path.size() - 5));
    for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tail == ".json";
}

struct FolderOutcome {
    std::string error;  ///< the file could not be read
    std::optional<Report> report;
    std::vector<Diagnostic> diagnostics;
    std::optional<bool> complete;  ///< for an extracted file
};

/// One file of read_folder(): report JSON is read (with its validation's findings when it is no
/// report, or when asked), anything else extracted (and validated when asked), as the tool does.
FolderOutcome read_one(const std::string& file, std::string_view bytes, bool validate_too, std::size_t max_bytes) {
    FolderOutcome o;
    if (ends_with_json(file)) {
        std::optional<ValidationResult> checked;
        if (validate_too) checked = validate_json_text(bytes);
        Diagnostic problem;
        if (auto doc = parse_json(bytes, problem)) {
            try {
                o.report = json::value_to<Report>(doc->value);
            } catch (const std::invalid_argument&) {
                if (!checked) checked = validate_json(*doc);  // no report: every reason why
            }
        } else if (!checked) {
            o.diagnostics.push_back(std::move(problem));
        }
        if (checked) o.diagnostics = std::move(checked->diagnostics);
        return o;
    }
    ExtractOptions options;
    options.source_name = std::filesystem::path(file).filename().string();
    options.max_bytes = max_bytes;
    ExtractResult res = extract(bytes, options);
    o.complete = res.complete;
    o.diagnostics = std::move(res.diagnostics);
    if (res.report && validate_too) {
        ValidationResult v = validate(*res.report);
        o.diagnostics.insert(o.diagnostics.end(), std::make_move_iterator(v.diagnostics.begin()),
                             std::make_move_iterator(v.diagnostics.end()));
    }
    o.report = std::move(res.report);
    return o;
}

py::list read_folder_py(const std::vector<std::string>& paths, const std::vector<std::string>& extensions, int jobs,
                        bool validate_too, std::size_t max_bytes, py::object progress) {
    std::vector<std::string_view> exts(extensions.begin(), extensions.end());
    std::vector<std::string> files;
    std::vector<FolderOutcome> outcomes;
    bool stopped = false;
    {
        py::gil_scoped_release unlocked;
        bool batch = false;
        const batch::InputList inputs = batch::expand_input_list(paths, true, exts, batch);
        files.reserve(inputs.size());
        for (std::size_t i = 0; i < inputs.size(); ++i) files.push_back(inputs[i].path);
        outcomes.resize(inputs.size());
        const batch::ReadLimit limit{max_bytes, max_bytes_keyword};
        auto reader = []() -> batch::ReadAhead& {
            thread_local batch::ReadAhead r;
            return r;
        };
        auto claim = [&](std::size_t first, std::size_t end) {
            std::vector<batch::ReadAhead::File> run;
            run.reserve(end - first);
            for (std::size_t i = first; i < end; ++i) {
                batch::Input in = inputs[i];
                const bool found_under_directory = in.relative_from != std::string::npos;
                run.push_back({std::move(in.path), found_under_directory});
            }
            reader().load(first, std::move(run), limit);
        };
        auto work = [&](std::size_t i) {
            std::string error;
            const auto bytes = reader().take(i, files[i], limit, Lang::en, error);
            if (!bytes) {
                FolderOutcome o;
                o.error = std::move(error);
                return o;
            }
            return read_one(files[i], *bytes, validate_too, max_bytes);
        };
        // Every tenth of a second the calling thread takes the GIL back for a moment: to draw
        // the progress and to let Ctrl-C (or an exception from the progress callback) stop the run.
        auto last = std::chrono::steady_clock::now();
        auto report_progress = [&](std::size_t done) {
            py::gil_scoped_acquire locked;
            if (PyErr_CheckSignals() != 0) throw Stopped{};
            if (progress.is_none()) return;
            try {
                progress(done, files.size());
            } catch (py::error_already_set& e) {
                e.restore();
                throw Stopped{};
            }
        };
        try {
            report_progress(0);
            batch::run_ordered<FolderOutcome>(files.size(), batch::job_count(jobs), batch::ReadAhead::capacity, claim,
                                              work, [&](std::size_t i, FolderOutcome&& o) {
                outcomes[i] = std::move(o);
                const auto now = std::chrono::steady_clock::now();
                if (i + 1 == files.size() || now - last >= std::chrono::milliseconds(100)) {
                    last = now;
                    report_progress(i + 1);
                }
            });
        } catch (const Stopped&) {
            stopped = true;
        }
    }
    if (stopped) throw py::error_already_set();
    const py::object entry = type("FileReport");
    py::list out;
    for (std::size_t i = 0; i < files.size(); ++i) {
        FolderOutcome& o = outcomes[i];
        out.append(entry(files[i], o.report ? report_to_python(*o.report) : py::none(), to_python(o.diagnostics),
                         o.complete ? py::object(py::bool_(*o.complete)) : py::object(py::none()),
                         o.error.empty() ? py::object(py::none()) : py::object(py::str(o.error))));
        o = FolderOutcome{};  // let each report go once it is Python's
    }
    return out;
}

// ---------------------------------------------------------------- the form

std::string cell_label_py(const std::string& pointer, const std::string& edition) {
    const auto e = parse_edition(edition);
    if (!e) throw py::value_error(fmt::format("edition must be \"2019\" or \"2021\", not \"{}\"", edition));
    const auto cell = form(*e).find(pointer);
    if (!cell) throw py::value_error(fmt::format("the edition {} form has no cell {}", edition, pointer));
    return form(*e).cell_label(*cell);
}

// ---------------------------------------------------------------- errors

void translate(std::exception_ptr p) {
    try {
        if (p) std::rethrow_exception(p);
    } catch (const NotComparable& e) {
        const py::object cls = type("NotComparable");
        PyErr_SetObject(cls.ptr(), cls(e.what(), e.message(Lang::zh)).ptr());
    } catch (const NotAggregatable& e) {
        const py::object cls = type("NotAggregatable");
        const py::object part = e.part() ? py::object(py::int_(*e.part())) : py::object(py::none());
        PyErr_SetObject(cls.ptr(), cls(e.what(), e.message(Lang::zh), part).ptr());
    } catch (const ReadFailure& e) {
        std::error_code ec;
        const auto status = std::filesystem::status(e.path(), ec);
        PyObject* cls = PyExc_OSError;
        if (status.type() == std::filesystem::file_type::not_found) cls = PyExc_FileNotFoundError;
        else if (status.type() == std::filesystem::file_type::directory) cls = PyExc_IsADirectoryError;
        else if (ec.value() == EACCES || ::access(e.path().c_str(), R_OK) != 0) cls = PyExc_PermissionError;
        PyErr_SetString(cls, e.what());
    }
}

}  // namespace

}  // namespace ogi::python

PYBIND11_MODULE(_ogi, m) {
    using namespace ogi::python;
    namespace py = pybind11;
    m.doc() = "The ogi library (C++) for Python; use it through the ogi package (docs/python.md).";
    m.attr("__version__") = OGI_VERSION;
    py::register_exception_translator(&translate);

    m.def("extract", &extract_py, py::arg("source"), py::kw_only(), py::arg("source_name") = py::none(),
          py::arg("with_provenance") = false, py::arg("max_bytes") = default_max_bytes,
          "Reads a published report (text, HTML, PDF, DOCX; UTF-8 or GB18030) into report JSON.\n\n"
          "source: the path of the file (str or os.PathLike), or its bytes. A str is always a path:\n"
          "pass text as text.encode(). Returns an ogi.ExtractResult: report (a dict in the shape of\n"
          "report-json.md, or None when no table of the form was found), diagnostics, complete\n"
          "(every cell of the form was found) and provenance (JSON Pointer -> (line, column)).");
    m.def("validate", &validate_py, py::arg("report"), py::kw_only(), py::arg("blanks_as_zero") = false,
          py::arg("warnings_as_errors") = false,
          "Checks a report (a dict, report JSON bytes, or the path of a report JSON file) against the\n"
          "schema and every rule, as `ogi validate` does. Returns an ogi.ValidationResult.");
    m.def("compare", &compare_py, py::arg("earlier"), py::arg("later"), py::kw_only(), py::arg("force") = false,
          py::arg("blanks_as_zero") = false, py::arg("warnings_as_errors") = false,
          "The cross-year rules (OGI-X-*) for two consecutive reports of one agency, as `ogi compare`.\n"
          "Raises ogi.NotComparable unless they are consecutive years of one agency (or force=True).\n"
          "Returns an ogi.CompareResult (valid, diagnostics, year_on_year).");
    m.def("aggregate", &aggregate_py, py::arg("parts"), py::kw_only(), py::arg("agency") = py::none(),
          "Sums reports into a 汇总 report, as `ogi aggregate`. Raises ogi.NotAggregatable when they\n"
          "cannot be summed. Returns an ogi.AggregateResult (report, notes).");
    m.def("check_aggregate", &check_aggregate_py, py::arg("aggregate"), py::arg("parts"),
          "OGI-A-SUM: every cell where a given 汇总 report differs from the sum of its parts, as\n"
          "`ogi aggregate --check`. Returns an ogi.ValidationResult.");
    m.def("render", &render_py, py::arg("report"), py::arg("to") = "html", py::kw_only(), py::arg("check") = false,
          py::arg("lang") = py::none(),
          "Draws the three tables as the official form of the report's edition: to=\"html\" (a page),\n"
          "\"markdown\" or \"text\", as `ogi render`. check=True marks the validator's findings.\n"
          "lang: \"zh\" or \"en\" for the page's own words and messages (default: from the locale).");
    m.def("_export_table", &export_table_py, py::arg("reports"), py::arg("files"), py::arg("labels"), py::arg("wide"),
          py::arg("skip_invalid"));
    m.def("_read_folder", &read_folder_py, py::arg("paths"), py::arg("extensions"), py::arg("jobs"),
          py::arg("validate"), py::arg("max_bytes"), py::arg("progress"));
    m.def("default_lang", [] { return ogi::lang_from_environment() == ogi::Lang::zh ? "zh" : "en"; },
          "The language of messages the environment asks for: \"zh\" when LC_ALL, LC_MESSAGES or LANG\n"
          "begins with zh, else \"en\" (as the ogi tool decides).");
    m.def("rules", [] {
        py::list out;
        for (const ogi::RuleInfo& r : ogi::rules()) {
            py::dict d;
            d["id"] = std::string(r.id);
            d["severity"] = std::string(ogi::to_string(r.severity));
            d["scope"] = std::string(to_string(r.scope));
            d["statement_zh"] = std::string(r.statement_zh);
            d["statement_en"] = std::string(r.statement_en);
            d["basis"] = std::string(r.basis);
            out.append(d);
        }
        return out;
    }, "The rule catalogue (`ogi rules`): a dict per rule with id, severity, scope (\"document\", \"pair\",\n"
       "\"aggregate\" or \"extraction\"), statement_zh, statement_en, basis.");
    m.def("cell_label", &cell_label_py, py::arg("pointer"), py::arg("edition") = "2021",
          "The official label of a cell of an edition's form, e.g. cell_label(\"/applications/new_received/total\")\n"
          "is \"一、本年新收政府信息公开申请数量 — 总计\". A wide DataFrame column is a pointer without its\n"
          "leading slash: cell_label(\"/\" + column). ValueError for a cell the form does not have.");
    m.def("schema", [] { return to_python(ogi::report_schema()); }, "The JSON Schema (draft-07) of report JSON.");
}

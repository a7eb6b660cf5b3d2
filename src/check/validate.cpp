// The validator: schema (the embedded schema, compiled: schema_check.hpp), then the form's relations and the
// metadata and narrative rules. Rules know no rows by name: the relations come from the form.
#include <ogi/form/rules.hpp>
#include <ogi/check/validate.hpp>

#include "json/arena.hpp"
#include "check/narrative.hpp"
#include "form/rule_diagnostic.hpp"
#include "json/report_reader.hpp"
#include "check/schema_check.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

namespace json = boost::json;

namespace ogi {
namespace {

// ---------------------------------------------------------------- diagnostics helpers

using detail::rule_diagnostic;

// ---------------------------------------------------------------- schema

bool covers(const std::string& a, const std::string& b) {
    // a and b are the same place, or one lies inside the other.
    auto inside = [](const std::string& outer, const std::string& inner) {
        return inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 && inner[outer.size()] == '/';
    };
    return a == b || inside(a, b) || inside(b, a);
}

void schema_diagnostics(const json::value& value, const detail::ReadOutcome& read, std::vector<Diagnostic>& out) {
    // The schema runs compiled (schema_check.hpp); only a document it refuses is run through
    // valijson as well, for valijson's account of each failure.
    const bool ok = detail::report_schema_program().accepts(value);

    // The reader's account of each problem names the key and the expected shape, in both
    // languages; what the schema finds that the reader did not is added in the schema's words.
    std::vector<std::string> places;
    for (const auto& p : read.problems) {
        out.push_back(rule_diagnostic("OGI-S-SCHEMA", p.pointer, p.what_en, p.what_zh));
        places.push_back(p.pointer);
    }
    for (const auto& p : read.inexact)
        out.push_back(rule_diagnostic("OGI-S-EXACT", p,
                           "this amount cannot be held exactly (more than 18 significant digits, or more than 18 "
                           "digits after the point, or out of range); ogi keeps money exact and will not round it",
                           "该金额无法精确保存（有效数字超过18位、小数超过18位或超出范围）；ogi精确保存金额，不作舍入"));
    if (ok) return;
    // Where the schema fails only at places the reader has already explained, valijson's
    // account would say nothing more (see `covers` below): skip it.
    const std::vector<std::string> failed = detail::report_schema_program().failures(value);
    if (!failed.empty() && std::all_of(failed.begin(), failed.end(), [&](const std::string& p) {
            return std::any_of(places.begin(), places.end(), [&](const std::string& q) { return covers(p, q); });
        }))
        return;
    std::vector<detail::SchemaError> errors;
    if (detail::valijson_accepts(value, &errors)) return;
    std::unordered_set<std::string> seen;
    for (const detail::SchemaError& e : errors) {
        const std::string& p = e.pointer;
        if (std::any_of(places.begin(), places.end(), [&](const std::string& q) { return covers(p, q); })) continue;
        if (!seen.insert(p + '\n' + e.description).second) continue;
        out.push_back(rule_diagnostic("OGI-S-SCHEMA", p, fmt::format("does not match the schema: {}", e.description),
                           fmt::format("不符合JSON Schema：{}", e.description)));
    }
}

// ---------------------------------------------------------------- relations

struct Checker {
    const Report& report;
    const ValidateOptions& options;
    const std::unordered_set<CellIndex>& unreadable;
    std::vector<Diagnostic>& out;

    const Form& form() const { return report.form(); }
    const std::string& pointer(CellIndex i) const { return form().cells()[i].pointer; }

    void relation(const Relation& rel) {
        const auto& cells = report.cells();
        std::vector<CellIndex> blanks;
        // One pass over the terms: the reasons not to check, the blanks, and both sums (a blank
        // adds nothing; the sums are used only when the relation is checked).
        std::int64_t sums[2] = {0, 0};
        bool overflow = false;
        for (int s = 0; s < 2; ++s)
            for (CellIndex i : s == 0 ? rel.lhs : rel.rhs) {
                const Cell& c = cells[i];
                if (!unreadable.empty() && unreadable.count(i)) return;  // already an OGI-S-SCHEMA error there
                if (c.state == Cell::State::absent && i == rel.target) return;  // row not in this layout
                if (c.state == Cell::State::blank) blanks.push_back(i);
                else if (c.state == Cell::State::value) overflow = __builtin_add_overflow(sums[s], c.number, &sums[s]) || overflow;
            }
        if (!blanks.empty()) {
            blank_note(rel, blanks);
            if (!options.blanks_as_zero) return;
        }
        const std::int64_t l = sums[0], r = sums[1];
        if (overflow) {
            out.push_back(rule_diagnostic(rel.rule, pointer(rel.target),
                               fmt::format("{}: the numbers are too large to add up exactly", rel.what_en),
                               fmt::format("{}：数值过大，无法精确求和", rel.what_zh)));
            return;
        }
        const bool holds = rel.op == Comparison::equal ? l == r : (rel.op == Comparison::less_equal ? l <= r : l >= r);
        if (!holds) failure(rel, l, r);
    }

    std::string terms_text(const std::vector<CellIndex>& terms) const {
        std::vector<std::string> parts;
        for (CellIndex i : terms) {
            const Cell& c = report.cells()[i];
            if (c.state == Cell::State::absent) continue;
            parts.push_back(c.has_value() ? std::to_string(c.number) : "0");
        }
        return fmt::format("{}", fmt::join(parts, "+"));
    }

    std::vector<std::string> related(const Relation& rel) const {
        std::vector<std::string> r;
        for (const auto* side : {&rel.lhs, &rel.rhs})
            for (CellIndex i : *side)
                if (i != rel.target && report.cells()[i].state != Cell::State::absent) r.push_back(pointer(i));
        return r;
    }

    void failure(const Relation& rel, std::int64_t l, std::int64_t r) {
        const Cell& target = report.cells()[rel.target];
        const std::string label = form().cell_label(rel.target);
        const std::int64_t actual = target.has_value() ? target.number : 0;
        // The value of the target that would make the relation hold (for an inequality, its bound).
        const bool target_left = std::find(rel.lhs.begin(), rel.lhs.end(), rel.target) != rel.lhs.end();
        const std::int64_t expected = target_left ? actual - (l - r) : actual + (l - r);
        Diagnostic d;
        if (rel.op == Comparison::equal && rel.lhs.size() == 1) {
            // "target = sum of parts"
            d = rule_diagnostic(rel.rule, pointer(rel.target),
                     fmt::format("{}: {} is {}, but {} add up to {} ({})", rel.what_en, label, actual, rel.parts_en, r,
                                 terms_text(rel.rhs)),
                     fmt::format("{}：{}为{}，但{}为{}（{}）", rel.what_zh, label, actual, rel.parts_zh, r,
                                 terms_text(rel.rhs)));
        } else if (rel.op == Comparison::equal) {
            auto names = [&](const std::vector<CellIndex>& t) {
                std::vector<std::string> n;
                for (CellIndex i : t) n.push_back(form().cell_label(i));
                return fmt::format("{}", fmt::join(n, " + "));
            };
            d = rule_diagnostic(rel.rule, pointer(rel.target),
                     fmt::format("{}: {} = {} = {}, but {} = {} = {}", rel.what_en, names(rel.lhs), terms_text(rel.lhs),
                                 l, names(rel.rhs), terms_text(rel.rhs), r),
                     fmt::format("{}：{} = {} = {}，但{} = {} = {}", rel.what_zh, names(rel.lhs), terms_text(rel.lhs), l,
                                 names(rel.rhs), terms_text(rel.rhs), r));
        } else if (rel.op == Comparison::less_equal) {
            const std::string other = form().cell_label(rel.lhs.front());
            d = rule_diagnostic(rel.rule, pointer(rel.target),
                     fmt::format("{} ({}) is less than {} ({})", label, r, other, l),
                     fmt::format("{}（{}）小于{}（{}）", label, r, other, l));
        } else {
            const std::string first = form().cell_label(rel.lhs.front());
            const auto& cells = report.cells();
            const std::int64_t a = cells[rel.lhs.front()].number, b = cells[rel.target].number;
            d = rule_diagnostic(rel.rule, pointer(rel.target),
                     fmt::format("{}: {} + {} = {} + ({}) = {}, which is negative", rel.what_en, first, label, a, b, l),
                     fmt::format("{}：{}加{}为{} + ({}) = {}，小于0", rel.what_zh, first, label, a, b, l));
        }
        d.expected = expected;
        d.actual = actual;
        d.related = related(rel);
        out.push_back(std::move(d));
    }

    void blank_note(const Relation& rel, const std::vector<CellIndex>& blanks) {
        std::vector<std::string> labels, paths;
        for (CellIndex i : blanks) {
            labels.push_back(form().cell_label(i));
            paths.push_back(pointer(i));
        }
        const std::string rule_name(rel.rule);
        Diagnostic d = options.blanks_as_zero
            ? rule_diagnostic("OGI-C-BLANK", pointer(blanks.front()),
                   fmt::format("{} ({}): blank cells read as 0: {}", rel.what_en, rule_name, fmt::join(labels, "; ")),
                   fmt::format("{}（{}）：空白单元格按0计：{}", rel.what_zh, rule_name, fmt::join(labels, "；")))
            : rule_diagnostic("OGI-C-BLANK", pointer(blanks.front()),
                   fmt::format("{} ({}) not checked: blank cells: {}", rel.what_en, rule_name, fmt::join(labels, "; ")),
                   fmt::format("{}（{}）未检查：以下单元格为空：{}", rel.what_zh, rule_name, fmt::join(labels, "；")));
        paths.erase(paths.begin());
        d.related = std::move(paths);
        out.push_back(std::move(d));
    }
};

// ---------------------------------------------------------------- metadata rules

void check_layout(const Report& r, std::vector<Diagnostic>& out) {
    const bool single = r.has_single_other();
    if (r.edition() == Edition::e2021 && single) {
        out.push_back(rule_diagnostic("OGI-M-VARIANT", "/applications/other",
                           "edition 2021 splits （六）其他处理 into three rows, but this report has the single row of edition 2019",
                           "2021版的（六）其他处理分为三行，本报告仍用2019版的单行"));
    }
    if (r.edition() == Edition::e2019 && !single) {
        for (const char* row : {"other_overdue_correction", "other_overdue_fee", "other_reasons"})
            out.push_back(rule_diagnostic("OGI-M-VARIANT", fmt::format("/applications/{}", row),
                               "edition 2019 has a single （六）其他处理 row, but this report has the three rows of edition 2021",
                               "2019版的（六）其他处理为单行，本报告用了2021版的三行"));
    }
}

void check_edition(const Report& r, std::vector<Diagnostic>& out) {
    if (r.year < 2019) {
        out.push_back(rule_diagnostic("OGI-M-EDITION", "/edition",
                           fmt::format("no edition of the form covers {}: the formats apply from the 2019 reports on", r.year),
                           fmt::format("{}年度没有适用的年报格式：统一格式自2019年度起施行", r.year)));
        return;
    }
    const Edition want = expected_edition(r.year);
    if (want != r.edition())
        out.push_back(rule_diagnostic("OGI-M-EDITION", "/edition",
                           fmt::format("a {} report should use the edition {} form, but this one says {}", r.year,
                                       to_string(want), to_string(r.edition())),
                           fmt::format("{}年度报告应使用{}版格式，本报告为{}版", r.year, to_string(want), to_string(r.edition()))));
}

void check_date(const Report& r, std::vector<Diagnostic>& out) {
    if (!r.published_on) return;
    const auto d = Date::parse(*r.published_on);
    if (!d) return;  // not of the form YYYY-MM-DD: an OGI-S-SCHEMA error already
    if (!d->is_real()) {
        out.push_back(rule_diagnostic("OGI-M-DATE", "/published_on", fmt::format("{} is not a real date", *r.published_on),
                           fmt::format("{}不是真实存在的日期", *r.published_on)));
        return;
    }
    if (d->year <= r.year) {
        out.push_back(rule_diagnostic("OGI-M-DATE", "/published_on",
                           fmt::format("published on {}, before the year {} it reports on had ended", *r.published_on, r.year),
                           fmt::format("落款日期{}早于所报告的{}年度结束", *r.published_on, r.year)));
        return;
    }
    const bool department = r.agency.kind == AgencyKind::department;
    const Date deadline{r.year + 1, department ? 1 : 3, 31};
    if (*d > deadline) {
        Diagnostic w = rule_diagnostic("OGI-M-DATE", "/published_on",
                            fmt::format("published on {}, after the Article 49 deadline {} for {}", *r.published_on,
                                        deadline.to_string(), department ? "a department" : "this agency"),
                            fmt::format("落款日期{}晚于第四十九条规定的{}期限{}", *r.published_on,
                                        department ? "政府部门" : "", deadline.to_string()));
        w.severity = Severity::warning;
        out.push_back(std::move(w));
    }
}

// ---------------------------------------------------------------- narrative rules

void check_narrative(const Report& r, const Checker& checker, std::vector<Diagnostic>& out) {
    struct Section {
        const std::optional<std::string>& text;
        const char* path;
    };
    const Section sections[] = {{r.narrative.overview, "/narrative/overview"},
                                {r.narrative.problems, "/narrative/problems"},
                                {r.narrative.other_matters, "/narrative/other_matters"}};
    const auto new_total = r.count(ApplicationRow::new_received, Applicant::total);
    const auto carried = r.count(ApplicationRow::carried_over, Applicant::total);
    const std::string new_path = "/applications/new_received/total";
    const std::string carried_path = "/applications/carried_over/total";
    for (const Section& s : sections) {
        if (!s.text) continue;
        const detail::NarrativeStatements statements = detail::find_statements(*s.text);
        for (const auto& st : statements.applications) {
            // The cells the statement is compared with; unreadable ones already have a schema error.
            std::vector<std::string> needed = {new_path};
            if (st.includes_carried_over) needed.push_back(carried_path);
            bool unusable = false;
            std::vector<std::string> blank;
            for (const auto& p : needed) {
                const CellIndex i = *r.form().find(p);
                unusable = unusable || checker.unreadable.count(i) > 0;
                if (r.cells()[i].state == Cell::State::blank) blank.push_back(p);
            }
            if (unusable) continue;
            if (!blank.empty()) {
                Diagnostic d = checker.options.blanks_as_zero
                    ? rule_diagnostic("OGI-C-BLANK", blank.front(),
                           fmt::format("narrative count (OGI-N-APPLICATIONS): blank cells read as 0: {}", fmt::join(blank, ", ")),
                           fmt::format("正文申请数（OGI-N-APPLICATIONS）：空白单元格按0计：{}", fmt::join(blank, "，")))
                    : rule_diagnostic("OGI-C-BLANK", blank.front(),
                           fmt::format("the narrative says \"{}\", but the table cell it should match is blank: not checked", st.quote),
                           fmt::format("正文称“{}”，但对应的表格单元格为空：未检查", st.quote));
                d.related = {s.path};
                out.push_back(std::move(d));
                if (!checker.options.blanks_as_zero) continue;
            }
            const std::int64_t new_value = new_total.value_or(0), carried_value = carried.value_or(0);
            std::optional<std::int64_t> table = new_value;
            if (st.includes_carried_over) table = new_value + carried_value;
            if (*table == st.count) continue;
            Diagnostic d = rule_diagnostic(
                "OGI-N-APPLICATIONS", new_path,
                st.includes_carried_over
                    ? fmt::format("the narrative says {} applications including those carried over (\"{}\"), but the "
                                  "table has {} new + {} carried over = {}", st.count, st.quote, new_value, carried_value, *table)
                    : fmt::format("the narrative says {} applications were received (\"{}\"), but 一、本年新收政府信息公开申请数量 "
                                  "— 总计 is {}", st.count, st.quote, *table),
                st.includes_carried_over
                    ? fmt::format("正文称收到申请{}件（含上年结转）（“{}”），但表格中新收{}件加上年结转{}件为{}件", st.count,
                                  st.quote, new_value, carried_value, *table)
                    : fmt::format("正文称收到申请{}件（“{}”），但表格中一、本年新收政府信息公开申请数量的总计为{}", st.count,
                                  st.quote, *table));
            d.expected = st.count;
            d.actual = *table;
            d.related = {s.path};
            if (st.includes_carried_over) d.related.push_back(carried_path);
            out.push_back(std::move(d));
        }
        for (const auto& st : statements.proactive) {
            std::int64_t sum = 0;
            bool overflow = false;
            for (auto p : st.parts) overflow = overflow || __builtin_add_overflow(sum, p, &sum);
            if (!overflow && sum == st.total) continue;
            Diagnostic d = rule_diagnostic("OGI-N-PROACTIVE-SUM", s.path,
                                fmt::format("the narrative gives {} items in all, but its parts add up to {} ({}): \"{}\"",
                                            st.total, sum, fmt::join(st.parts, "+"), st.quote),
                                fmt::format("正文称共{}条，但其中各分项之和为{}（{}）：“{}”", st.total, sum,
                                            fmt::join(st.parts, "+"), st.quote));
            d.expected = st.total;
            d.actual = sum;
            out.push_back(std::move(d));
        }
    }
}

void run_rules(const Report& r, const std::unordered_set<CellIndex>& unreadable, bool year_known,
               const ValidateOptions& options, std::vector<Diagnostic>& out) {
    Checker checker{r, options, unreadable, out};
    for (const Relation& rel : r.form().relations()) checker.relation(rel);
    check_layout(r, out);
    if (year_known) {
        check_edition(r, out);
        check_date(r, out);
    }
    check_narrative(r, checker, out);
}

ValidationResult finish(std::vector<Diagnostic> diagnostics, const ValidateOptions& options) {
    ValidationResult res;
    res.diagnostics = std::move(diagnostics);
    for (const Diagnostic& d : res.diagnostics)
        if (d.severity == Severity::error || (options.warnings_as_errors && d.severity == Severity::warning))
            res.valid = false;
    return res;
}

}  // namespace

std::size_t ValidationResult::count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.severity == s; }));
}

ValidationResult validate_json(const JsonDocument& doc, const ValidateOptions& options) {
    std::vector<Diagnostic> out;
    detail::ReadOutcome read = detail::read_report(doc.value, &doc.number_text);
    schema_diagnostics(doc.value, read, out);
    if (read.report) {
        const std::unordered_set<CellIndex> unreadable(read.unreadable.begin(), read.unreadable.end());
        run_rules(*read.report, unreadable, read.year_read, options, out);
    }
    return finish(std::move(out), options);
}

ValidationResult validate_json_text(std::string_view text, const ValidateOptions& options) {
    // Most files have the usual shape and no problem of form: the fast path reads them and only
    // the rules run (report_reader.hpp). Anything else takes the full path, which explains every
    // problem.
    if (std::optional<Report> report = detail::read_report_fast(text, options.limits)) {
        std::vector<Diagnostic> out;
        run_rules(*report, {}, true, options, out);
        return finish(std::move(out), options);
    }
    // The document lives only for this call: its memory comes from the thread's scratch arena.
    const detail::ScratchArena arena;
    Diagnostic error;
    auto doc = detail::parse_json(text, error, options.limits, arena.storage());
    if (!doc) return finish({std::move(error)}, options);
    return validate_json(*doc, options);
}

ValidationResult validate(const Report& report, const ValidateOptions& options) {
    std::vector<Diagnostic> out;
    run_rules(report, {}, true, options, out);
    return finish(std::move(out), options);
}

}  // namespace ogi

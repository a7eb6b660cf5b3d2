// The cross-year rules (OGI-X-*) and the year-on-year summary.
#include <ogi/check/compare.hpp>
#include <ogi/form/rules.hpp>

#include "form/rule_diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ogi {
namespace {

using detail::rule_diagnostic;

std::string earlier_ptr(std::string_view pointer) { return fmt::format("{}{}", earlier_prefix, pointer); }

/// Trims ASCII whitespace and the ideographic space U+3000 from both ends.
std::string_view trim(std::string_view s) {
    constexpr std::string_view ideographic = "\xE3\x80\x80";
    for (bool more = true; more;) {
        more = false;
        while (!s.empty() && (s.front() == ' ' || (s.front() >= '\t' && s.front() <= '\r'))) s.remove_prefix(1), more = true;
        while (!s.empty() && (s.back() == ' ' || (s.back() >= '\t' && s.back() <= '\r'))) s.remove_suffix(1), more = true;
        if (s.starts_with(ideographic)) s.remove_prefix(ideographic.size()), more = true;
        if (s.ends_with(ideographic)) s.remove_suffix(ideographic.size()), more = true;
    }
    return s;
}

/// A term of a cross-year relation: a cell of one of the two reports.
struct Term {
    const Report* report;
    bool in_earlier;
    std::string pointer;

    const Cell& cell() const { return *report->cell(pointer); }
    std::string label() const { return report->form().cell_label(*report->form().find(pointer)); }
    std::string related() const { return in_earlier ? earlier_ptr(pointer) : pointer; }
};

struct PairChecker {
    const Report& earlier;
    const Report& later;
    const CompareOptions& options;
    std::vector<Diagnostic>& out;

    Term e(std::string pointer) const { return Term{&earlier, true, std::move(pointer)}; }
    Term l(std::string pointer) const { return Term{&later, false, std::move(pointer)}; }

    /// Notes the blank terms of a check at its target; true when the check should go on.
    bool blanks(std::string_view rule, std::string_view what_en, std::string_view what_zh, const Term& target,
                const std::vector<Term>& terms) {
        std::vector<const Term*> blank;
        for (const Term& t : terms)
            if (t.cell().state == Cell::State::blank) blank.push_back(&t);
        if (blank.empty()) return true;
        std::vector<std::string> en, zh, related;
        for (const Term* t : blank) {
            en.push_back(fmt::format("{} ({} report)", t->label(), t->report->year));
            zh.push_back(fmt::format("{}（{}年度报告）", t->label(), t->report->year));
            related.push_back(t->related());
        }
        Diagnostic d = options.blanks_as_zero
            ? rule_diagnostic("OGI-C-BLANK", target.pointer,
                              fmt::format("{} ({}): blank cells read as 0: {}", what_en, rule, fmt::join(en, "; ")),
                              fmt::format("{}（{}）：空白单元格按0计：{}", what_zh, rule, fmt::join(zh, "；")))
            : rule_diagnostic("OGI-C-BLANK", target.pointer,
                              fmt::format("{} ({}) not checked: blank cells: {}", what_en, rule, fmt::join(en, "; ")),
                              fmt::format("{}（{}）未检查：以下单元格为空：{}", what_zh, rule, fmt::join(zh, "；")));
        d.related = std::move(related);
        out.push_back(std::move(d));
        return options.blanks_as_zero;
    }

    static std::int64_t value(const Term& t) { return t.cell().has_value() ? t.cell().number : 0; }

    void finish(Diagnostic d, std::int64_t expected, std::int64_t actual, std::vector<std::string> related) {
        d.expected = expected;
        d.actual = actual;
        d.related = std::move(related);
        out.push_back(std::move(d));
    }

    void carry() {
        for (const Column& c : later.form().table("applications")->blocks.front().columns) {
            const Term over = l(fmt::format("/applications/carried_over/{}", c.key));
            const Term forward = e(fmt::format("/applications/carried_forward/{}", c.key));
            if (!blanks("OGI-X-CARRY", "carried over", "上年结转", over, {over, forward})) continue;
            const std::int64_t actual = value(over), expected = value(forward);
            if (actual == expected) continue;
            finish(rule_diagnostic("OGI-X-CARRY", over.pointer,
                                   fmt::format("carried over: {} is {}, but the {} report carried {} forward ({})",
                                               over.label(), actual, earlier.year, expected, forward.label()),
                                   fmt::format("上年结转：{}为{}，但{}年度报告的{}为{}", over.label(), actual,
                                               earlier.year, forward.label(), expected)),
                   expected, actual, {forward.related()});
        }
    }

    void in_force() {
        for (const char* block : {"regulations", "normative_documents"}) {
            const std::string base = fmt::format("/proactive/{}/", block);
            const Term now = l(base + "in_force"), before = e(base + "in_force"), issued = l(base + "issued"),
                       repealed = l(base + "repealed");
            if (!blanks("OGI-X-IN-FORCE", "in force", "现行有效件数", now, {now, before, issued, repealed})) continue;
            std::int64_t expected = 0;
            if (__builtin_add_overflow(value(before), value(issued), &expected) ||
                __builtin_sub_overflow(expected, value(repealed), &expected)) {
                out.push_back(rule_diagnostic("OGI-X-IN-FORCE", now.pointer,
                                              "in force: the numbers are too large to add up exactly",
                                              "现行有效件数：数值过大，无法精确求和"));
                continue;
            }
            const std::int64_t actual = value(now);
            if (actual == expected) continue;
            finish(rule_diagnostic(
                       "OGI-X-IN-FORCE", now.pointer,
                       fmt::format("in force: {} is {}, but the {} report had {} in force, and this year's 本年制发件数 is {} and "
                                   "本年废止件数 {}: {} + {} - {} = {}",
                                   now.label(), actual, earlier.year, value(before), value(issued), value(repealed),
                                   value(before), value(issued), value(repealed), expected),
                       fmt::format("现行有效件数：{}为{}，但{}年度报告现行有效{}件，本年制发{}件、废止{}件：{} + {} - {} = {}",
                                   now.label(), actual, earlier.year, value(before), value(issued), value(repealed),
                                   value(before), value(issued), value(repealed), expected)),
                   expected, actual, {before.related(), issued.related(), repealed.related()});
        }
    }

    void items() {
        for (const char* block : {"licensing", "other_services", "punishment", "coercion", "fees"}) {
            const std::string base = fmt::format("/proactive/{}/", block);
            const Term now = l(base + "previous_items"), before = e(base + "previous_items"), change = e(base + "change");
            if (!blanks("OGI-X-ITEMS", "items", "项目数量", now, {now, before, change})) continue;
            std::int64_t expected = 0;
            if (__builtin_add_overflow(value(before), value(change), &expected)) {
                out.push_back(rule_diagnostic("OGI-X-ITEMS", now.pointer,
                                              "items: the numbers are too large to add up exactly",
                                              "项目数量：数值过大，无法精确求和"));
                continue;
            }
            const std::int64_t actual = value(now);
            if (actual == expected) continue;
            finish(rule_diagnostic(
                       "OGI-X-ITEMS", now.pointer,
                       fmt::format("items: {} is {}, but the {} report had {} items and a change of {}: {} + {} = {}",
                                   now.label(), actual, earlier.year, value(before), value(change), value(before),
                                   value(change), expected),
                       fmt::format("项目数量：{}为{}，但{}年度报告上一年项目数量为{}、本年增/减为{}：{} + {} = {}", now.label(),
                                   actual, earlier.year, value(before), value(change), value(before), value(change),
                                   expected)),
                   expected, actual, {before.related(), change.related()});
        }
    }

    /// A rule of one edition that cannot apply across the edition change: one note.
    void not_applicable(std::string_view rule, Edition needed) {
        Diagnostic d = rule_diagnostic(
            rule, "/edition",
            fmt::format("{} not checked: it compares two edition {} reports, but the {} report is edition {} and the "
                        "{} report edition {}",
                        rule, to_string(needed), earlier.year, to_string(earlier.edition()), later.year,
                        to_string(later.edition())),
            fmt::format("{}未检查：该规则比较两份{}版报告，而{}年度报告为{}版，{}年度报告为{}版", rule, to_string(needed),
                        earlier.year, to_string(earlier.edition()), later.year, to_string(later.edition())));
        d.severity = Severity::info;
        d.related = {earlier_ptr("/edition")};
        out.push_back(std::move(d));
    }
};

std::string agency_text(const Report& r) { return r.agency.name.empty() ? std::string("(no name)") : r.agency.name; }

}  // namespace

std::optional<NotComparable> comparability(const Report& earlier, const Report& later) {
    const bool same_agency = trim(earlier.agency.name) == trim(later.agency.name);
    const bool consecutive = later.year == earlier.year + 1;
    if (same_agency && consecutive) return std::nullopt;
    std::string en = fmt::format("cannot compare the {} report of {} with the {} report of {}: ", earlier.year,
                                 agency_text(earlier), later.year, agency_text(later));
    std::string zh = fmt::format("无法比较{}的{}年度报告与{}的{}年度报告：", agency_text(earlier), earlier.year,
                                 agency_text(later), later.year);
    if (!same_agency) {
        en += "the agencies differ";
        zh += "不是同一机关";
    }
    if (!consecutive) {
        en += fmt::format("{}the later report should cover {}", same_agency ? "" : ", and ", earlier.year + 1);
        zh += fmt::format("{}后一份报告应为{}年度", same_agency ? "" : "，且", earlier.year + 1);
    }
    return NotComparable(en, zh);
}

CompareResult compare(const Report& earlier, const Report& later, const CompareOptions& options) {
    if (!options.force)
        if (auto refusal = comparability(earlier, later)) throw *refusal;
    std::vector<Diagnostic> out;
    PairChecker checker{earlier, later, options, out};
    checker.carry();
    if (earlier.edition() == later.edition()) {
        if (later.edition() == Edition::e2021) checker.in_force();
        else checker.items();
    } else {
        checker.not_applicable("OGI-X-IN-FORCE", Edition::e2021);
        checker.not_applicable("OGI-X-ITEMS", Edition::e2019);
    }

    CompareResult result;
    result.diagnostics = std::move(out);
    for (const Diagnostic& d : result.diagnostics)
        if (d.severity == Severity::error || (options.warnings_as_errors && d.severity == Severity::warning))
            result.valid = false;
    return result;
}

std::vector<YearOnYear> year_on_year(const Report& earlier, const Report& later) {
    std::vector<std::string> pointers = {"/applications/new_received/total", "/applications/carried_over/total",
                                         "/applications/total/total", "/applications/carried_forward/total",
                                         "/reviews/administrative_review/total", "/reviews/litigation_direct/total",
                                         "/reviews/litigation_after_review/total"};
    const Form& lf = later.form();
    for (const CellDef& c : lf.cells()) {
        if (lf.tables()[c.table].key != "proactive") continue;
        const Column& col = lf.column(c);
        if (col.kind == CellKind::unit || !earlier.form().find(c.pointer)) continue;
        if (col.kind == CellKind::money) {
            // An amount is comparable only in the same unit (the unit cell, if the block has one).
            const std::string unit = c.pointer.substr(0, c.pointer.rfind('/')) + "/amount_unit";
            const Cell* a = earlier.cell(unit);
            const Cell* b = later.cell(unit);
            if (a && b && !(a->has_value() && b->has_value() && a->number == b->number)) continue;
        }
        pointers.push_back(c.pointer);
    }
    std::vector<YearOnYear> rows;
    for (const std::string& p : pointers) {
        const Cell* a = earlier.cell(p);
        const Cell* b = later.cell(p);
        const auto kind = lf.column(lf.cells()[*lf.find(p)]).kind;
        auto number = [&](const Cell* c) -> std::optional<Decimal> {
            if (!c || !c->has_value()) return std::nullopt;
            return kind == CellKind::money ? c->money : Decimal::parse(std::to_string(c->number));
        };
        YearOnYear row{p, lf.cell_label(*lf.find(p)), number(a), number(b), std::nullopt};
        if (row.earlier && row.later) {
            const std::string e = row.earlier->to_string();
            const auto negated = Decimal::parse(e.starts_with('-') ? e.substr(1) : "-" + e);
            if (negated) row.change = Decimal::add(*row.later, *negated);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace ogi

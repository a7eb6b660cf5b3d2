// Report JSON: writing a report as the contract's JSON (value_from) and reading it strictly
// (value_to: the first problem the one reader finds, report_reader.hpp, is thrown).
#include "json/report_reader.hpp"

#include <ogi/json/json.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <stdexcept>

namespace json = boost::json;

namespace ogi {

// ---------------------------------------------------------------- writing

namespace {

json::value cell_to_json(const Column& col, const Cell& c) {
    if (c.state != Cell::State::value) return nullptr;
    switch (col.kind) {
    case CellKind::money: return json::string(c.money.to_string());
    case CellKind::unit: return json::string(col.words.at(static_cast<std::size_t>(c.number)));
    default: return c.number;
    }
}

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& out, const Report& r) {
    const Form& f = r.form();
    json::object o;
    o["edition"] = to_string(r.edition());
    o["year"] = r.year;
    json::object agency;
    agency["name"] = r.agency.name;
    if (r.agency.kind) agency["kind"] = key(*r.agency.kind);
    if (r.agency.region) agency["region"] = *r.agency.region;
    o["agency"] = std::move(agency);
    if (r.published_on) o["published_on"] = *r.published_on;
    for (const Table& t : f.tables()) o[t.key] = json::object();
    for (std::size_t i = 0; i < f.cells().size(); ++i) {
        const Cell& c = r.cells()[i];
        if (c.state == Cell::State::absent) continue;
        const CellDef& d = f.cells()[i];
        const Column& col = f.column(d);
        json::object& table = o[f.tables()[d.table].key].as_object();
        json::object& row = table[f.row(d).key].is_object() ? table[f.row(d).key].as_object()
                                                            : table[f.row(d).key].emplace_object();
        if (col.kind == CellKind::unit && c.state != Cell::State::value) continue;
        row[col.key] = cell_to_json(col, c);
    }
    json::object narrative;
    if (r.narrative.overview) narrative["overview"] = *r.narrative.overview;
    if (r.narrative.problems) narrative["problems"] = *r.narrative.problems;
    if (r.narrative.other_matters) narrative["other_matters"] = *r.narrative.other_matters;
    if (!narrative.empty()) o["narrative"] = std::move(narrative);
    if (!r.source.empty()) o["source"] = r.source;
    out = std::move(o);
}

// ---------------------------------------------------------------- reading

Report tag_invoke(const json::value_to_tag<Report>&, const json::value& in) {
    detail::ReadOutcome out = detail::read_report(in, nullptr);
    if (!out.inexact.empty())
        throw std::invalid_argument(fmt::format("not a valid report: {}: the amount has more than 18 significant digits",
                                                out.inexact.front()));
    if (!out.problems.empty()) {
        const auto& p = out.problems.front();
        throw std::invalid_argument(fmt::format("not a valid report: {}: {}", p.pointer.empty() ? "/" : p.pointer, p.what_en));
    }
    return std::move(*out.report);
}

}  // namespace ogi

// Internal: running the embedded JSON Schema over documents.
//
// SchemaProgram compiles a draft-07 schema once into a tree of checks for exactly the keywords
// ogi's generated schema uses, and answers valid/invalid without allocating. valijson stays the
// reference: it words the failures of invalid documents, and a test checks that both give the
// same verdict on many valid and invalid documents.
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ogi::detail {

class SchemaProgram {
public:
    /// Compiles `schema`. Throws std::invalid_argument on a keyword it does not know (so the
    /// generated schema cannot grow a keyword that is silently skipped) or a $ref it cannot resolve.
    explicit SchemaProgram(const boost::json::value& schema);
    ~SchemaProgram();
    SchemaProgram(SchemaProgram&&) noexcept;
    SchemaProgram& operator=(SchemaProgram&&) noexcept;

    /// Whether `doc` is valid against the schema.
    [[nodiscard]] bool accepts(const boost::json::value& doc) const;

    /// Where `doc` fails (JSON Pointers): the members that fail, down through objects, `$ref`,
    /// `allOf` and `if`/`then`; the value itself where a type, bound, `enum`, `required`,
    /// `additionalProperties`, `anyOf`, `not` or `dependencies` fails. Empty when `doc` is valid. Every place valijson reports lies at or
    /// under one of these.
    [[nodiscard]] std::vector<std::string> failures(const boost::json::value& doc) const;

    struct Node;

private:
    std::vector<Node> nodes_;
};

/// The embedded report schema (report_schema()), compiled once.
const SchemaProgram& report_schema_program();

/// One failure as valijson words it: where (a JSON Pointer) and what.
struct SchemaError {
    std::string pointer;
    std::string description;
};

/// The reference: valijson over the embedded report schema. Fills `errors` (leaf failures, in
/// valijson's order) when given.
bool valijson_accepts(const boost::json::value& doc, std::vector<SchemaError>* errors = nullptr);

}  // namespace ogi::detail

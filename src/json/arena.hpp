// Internal: parsing into a per-thread scratch arena, for documents that live only as long as
// one call (validate_json_text): no allocation per value, and nothing to free value by value.
#pragma once

#include <ogi/json/json.hpp>

#include <boost/json/storage_ptr.hpp>

#include <optional>
#include <string_view>

namespace ogi::detail {

/// While one exists on a thread, storage() hands out memory that is given back, all at once,
/// when the last one on that thread is destroyed. A value made with it must not outlive it.
class ScratchArena {
public:
    ScratchArena();
    ~ScratchArena();
    ScratchArena(const ScratchArena&) = delete;
    ScratchArena& operator=(const ScratchArena&) = delete;
    [[nodiscard]] boost::json::storage_ptr storage() const;
};

/// parse_json() with the value's memory from `storage`.
std::optional<JsonDocument> parse_json(std::string_view text, Diagnostic& error, const JsonLimits& limits,
                                       const boost::json::storage_ptr& storage);

}  // namespace ogi::detail

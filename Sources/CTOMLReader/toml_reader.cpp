#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "toml_reader.h"

namespace {

struct Visit {
    toml_reader_visitor visit;
    void *context;

    void emit(toml_reader_event event, std::string_view key, std::string_view text, long long integer,
              const toml::node &node) const {
        visit(context, event, key.data(), key.size(), text.data(), text.size(), integer,
              static_cast<unsigned>(node.source().begin.line));
    }

    void node(std::string_view key, const toml::node &value) const {
        switch (value.type()) {
        case toml::node_type::table:
            emit(TOML_READER_TABLE_BEGIN, key, {}, 0, value);
            for (auto &&[k, v] : *value.as_table()) node(k.str(), v);
            emit(TOML_READER_TABLE_END, key, {}, 0, value);
            break;
        case toml::node_type::array:
            emit(TOML_READER_ARRAY_BEGIN, key, {}, 0, value);
            for (auto &&element : *value.as_array()) node({}, element);
            emit(TOML_READER_ARRAY_END, key, {}, 0, value);
            break;
        case toml::node_type::string:
            emit(TOML_READER_STRING, key, value.as_string()->get(), 0, value);
            break;
        case toml::node_type::integer:
            emit(TOML_READER_INTEGER, key, {}, value.as_integer()->get(), value);
            break;
        case toml::node_type::floating_point: emit(TOML_READER_OTHER, key, "float", 0, value); break;
        case toml::node_type::boolean: emit(TOML_READER_OTHER, key, "boolean", 0, value); break;
        case toml::node_type::date: emit(TOML_READER_OTHER, key, "date", 0, value); break;
        case toml::node_type::time: emit(TOML_READER_OTHER, key, "time", 0, value); break;
        case toml::node_type::date_time: emit(TOML_READER_OTHER, key, "date-time", 0, value); break;
        default: emit(TOML_READER_OTHER, key, "value", 0, value); break;
        }
    }
};

} // namespace

extern "C" int toml_reader_parse(const char *text, size_t length, toml_reader_visitor visit, void *context,
                                 char *error, size_t error_capacity, unsigned *error_line) {
    toml::parse_result result = toml::parse(std::string_view(text, length));
    if (!result) {
        const toml::parse_error &failure = result.error();
        std::string_view message = failure.description();
        size_t n = error_capacity == 0 ? 0 : std::min(message.size(), error_capacity - 1);
        if (error_capacity > 0) {
            std::memcpy(error, message.data(), n);
            error[n] = 0;
        }
        *error_line = static_cast<unsigned>(failure.source().begin.line);
        return -1;
    }
    Visit visitor{visit, context};
    for (auto &&[key, value] : result.table()) visitor.node(key.str(), value);
    return 0;
}

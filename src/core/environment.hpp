#pragma once

#include <optional>
#include <string>

namespace compassion {

// The seam for environment variables.
class Environment {
public:
    virtual ~Environment() = default;
    virtual std::optional<std::string> get(const std::string& name) const = 0;
};

} // namespace compassion

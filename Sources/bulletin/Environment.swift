import Glibc

/// Environment variables, read one at a time with getenv: building a
/// dictionary of the whole environment cost half a millisecond at start-up.
enum Environment {
    static func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}

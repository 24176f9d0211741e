/// Why a written value is not valid: a stable id, a message and a hint.
struct ValueError: Error {
    let id: String
    let message: String
    var hint: String?
}

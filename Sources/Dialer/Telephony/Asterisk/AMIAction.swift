import Foundation

/// The Manager Interface actions the driver sends, each as a message ready to write.
enum AMIAction {
    static func login(username: String, secret: String, actionID: String) -> AMIMessage {
        AMIMessage([("Action", "Login"), ("ActionID", actionID), ("Username", clean(username)), ("Secret", clean(secret))])
    }

    static func ping(actionID: String) -> AMIMessage {
        AMIMessage([("Action", "Ping"), ("ActionID", actionID)])
    }

    static func logoff(actionID: String) -> AMIMessage {
        AMIMessage([("Action", "Logoff"), ("ActionID", actionID)])
    }

    /// Lists the channels Asterisk has now (`CoreShowChannel` events, then `CoreShowChannelsComplete`).
    static func coreShowChannels(actionID: String) -> AMIMessage {
        AMIMessage([("Action", "CoreShowChannels"), ("ActionID", actionID)])
    }

    /// Lists a queue's members (`QueueMember` events, then `QueueStatusComplete`).
    static func queueStatus(queue: String?, actionID: String) -> AMIMessage {
        var message = AMIMessage([("Action", "QueueStatus"), ("ActionID", actionID)])
        if let queue { message.append("Queue", clean(queue)) }
        return message
    }

    /// Pauses or unpauses a queue member (in `queue`, or in every queue when nil), with a reason
    /// Asterisk shows in `queue show` and reports in `QueueMemberPause`.
    static func queuePause(interface: String, queue: String?, paused: Bool, reason: String?, actionID: String) -> AMIMessage {
        var message = AMIMessage([("Action", "QueuePause"), ("ActionID", actionID), ("Interface", clean(interface)),
                                  ("Paused", paused ? "true" : "false")])
        if let queue { message.append("Queue", clean(queue)) }
        if let reason, !reason.isEmpty { message.append("Reason", clean(reason)) }
        return message
    }

    /// Hangs up a channel, named or given by its unique id.
    static func hangup(channel: String, actionID: String) -> AMIMessage {
        AMIMessage([("Action", "Hangup"), ("ActionID", actionID), ("Channel", clean(channel)), ("Cause", "16")])
    }

    /// An asynchronous `Originate` of `request` into the configured dialplan context.
    ///
    /// The channel's unique id is the call key (`ChannelId`), so every event of
    /// the channel names the call; channel variables carry the call key and the
    /// request's tag. Throws when the number or caller id holds anything but
    /// digits and a leading `+` (the message never repeats the number).
    static func originate(
        _ request: CallRequest, key: String, actionID: String, configuration: AsteriskConfiguration
    ) throws -> AMIMessage {
        guard isDialable(request.number) else {
            throw TelephonyError("attempt \(request.callID): the number is not in E.164 digits")
        }
        let callerNumber = request.callerID ?? configuration.defaultCallerID
        if let callerNumber, !isDialable(callerNumber) {
            throw TelephonyError("attempt \(request.callID): the caller id is not in E.164 digits")
        }
        let digits = request.number.hasPrefix("+") ? String(request.number.dropFirst()) : request.number
        let channel = configuration.channelTemplate.replacingOccurrences(of: "{number}", with: request.number)
            .replacingOccurrences(of: "{digits}", with: digits)
        var message = AMIMessage([
            ("Action", "Originate"), ("ActionID", actionID), ("Channel", clean(channel)),
            ("Context", clean(configuration.context)), ("Exten", clean(configuration.exten)),
            ("Priority", String(configuration.priority)),
            ("Timeout", String(Int((max(0, request.ringTimeout) * 1000).rounded()))),
            ("Async", "true"), ("ChannelId", key),
        ])
        if let callerNumber {
            let name = configuration.callerIDName.map { "\"\(clean($0).filter { $0 != "\"" })\" " } ?? ""
            message.append("CallerID", "\(name)<\(callerNumber)>")
        }
        message.append("Variable", "\(configuration.callVariable)=\(key)")
        for (name, value) in tagVariables(request.tag) {
            message.append("Variable", "\(name)=\(value)")
        }
        return message
    }

    /// The tag as channel variables: each `key=value` word becomes `DIALER_KEY`
    /// (so `campaign=renewals job=7 attempt=42` gives `DIALER_CAMPAIGN`, `DIALER_JOB`,
    /// `DIALER_ATTEMPT`); the other words, if any, go together into `DIALER_TAG`.
    static func tagVariables(_ tag: String) -> [(String, String)] {
        var variables: [(String, String)] = []
        var rest: [Substring] = []
        for word in tag.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let parts = word.split(separator: "=", maxSplits: 1)
            let name = parts.first.map(String.init) ?? ""
            if parts.count == 2, !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                variables.append(("DIALER_" + name.uppercased(), variableValue(parts[1])))
            } else {
                rest.append(word)
            }
        }
        if !rest.isEmpty { variables.append(("DIALER_TAG", variableValue(rest.joined(separator: " ")))) }
        return variables
    }

    /// Whether `number` is a `+` and digits only, as a channel template may safely hold.
    static func isDialable(_ number: String) -> Bool {
        let digits = number.hasPrefix("+") ? number.dropFirst() : Substring(number)
        return !digits.isEmpty && digits.count <= 20 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A header value without line breaks, which would end the field or the message.
    private static func clean(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }

    /// A variable value without the commas Asterisk reads as a list separator, nor line breaks.
    private static func variableValue(_ value: some StringProtocol) -> String {
        clean(String(value)).replacingOccurrences(of: ",", with: " ")
    }
}

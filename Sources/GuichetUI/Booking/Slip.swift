import Foundation
import GuichetCore

/// The confirmation slip handed to the person: when, where, with which structure, what to bring, how to
/// cancel, and the reference. It names no one, so the saved files hold no personal data.
public struct Slip: Equatable, Sendable {
  public var reference: BookingReference
  public var startsAt: Date
  public var endsAt: Date
  public var place: AppointmentPlace
  public var structure: OperatorStructure
  public var advisorName: String
  public var timeZone: TimeZone
  /// The appointment's revision (moves and the cancellation): the calendar file's SEQUENCE.
  public var sequence: Int
  /// A cancellation notice: the text says so and the calendar file removes the entry (METHOD:CANCEL).
  public var isCancellation: Bool

  public init(
    reference: BookingReference, startsAt: Date, endsAt: Date, place: AppointmentPlace,
    structure: OperatorStructure, advisorName: String, timeZone: TimeZone = Day.parisTimeZone,
    sequence: Int = 0, isCancellation: Bool = false
  ) {
    self.reference = reference
    self.startsAt = startsAt
    self.endsAt = endsAt
    self.place = place
    self.structure = structure
    self.advisorName = advisorName
    self.timeZone = timeZone
    self.sequence = sequence
    self.isCancellation = isCancellation
  }

  public static let toBring =
    "Une pièce d'identité, votre CV si vous en avez un, et ce coupon."

  /// Never « appelez X » without a number: the structure's phone, else its e-mail, else its address,
  /// else this desk, which can move or cancel with the reference.
  public var howToCancel: String {
    let start = "Pour annuler ou déplacer ce rendez-vous, "
    let end = " en donnant la référence \(reference)."
    if let phone = structure.phone, !phone.isEmpty {
      return start + "appelez \(structure.name) au \(phone)" + end
    }
    if let email = structure.email, !email.isEmpty {
      return start + "écrivez à \(structure.name) (\(email))" + end
    }
    if !structure.fullAddress.isEmpty {
      return start + "adressez-vous à \(structure.name), \(structure.fullAddress)," + end
    }
    return start + "revenez à ce point d'accueil" + end
  }

  /// What the person does before the appointment: what to bring on site, how the call or the video comes.
  public var preparation: String {
    switch place {
    case .onSite: "À apporter : \(Self.toBring)"
    case .phone:
      "Vous serez appelé·e au numéro que vous avez donné, à l'heure du rendez-vous : gardez votre téléphone à portée de main, avec votre CV si vous en avez un."
    case .video:
      "Vous serez invité·e à la visioconférence par \(structure.name), au téléphone ou à l'adresse électronique que vous avez donnés : ayez votre CV à portée de main si vous en avez un."
    }
  }

  /// File name stem: the reference only, never a name (a cancellation beside the confirmation it undoes).
  public var fileStem: String { reference.value + (isCancellation ? "-annulation" : "") }

  public var lines: [String] {
    if isCancellation {
      return [
        "Rendez-vous annulé : \(Format.day(startsAt, timeZone)) de \(Format.time(startsAt, timeZone)) à \(Format.time(endsAt, timeZone))",
        "Structure : \(structure.name) (\(structure.kind.label))",
        "Ce rendez-vous n'aura pas lieu. Pour en prendre un autre, revenez à ce point d'accueil ou contactez la structure.",
        "Référence : \(reference)",
      ]
    }
    var lines = [
      "Rendez-vous : \(Format.day(startsAt, timeZone)) de \(Format.time(startsAt, timeZone)) à \(Format.time(endsAt, timeZone))",
      "Lieu : \(place.label)",
      "Structure : \(structure.name) (\(structure.kind.label))",
    ]
    if !structure.fullAddress.isEmpty { lines.append("Adresse : \(structure.fullAddress)") }
    if let phone = structure.phone { lines.append("Téléphone : \(phone)") }
    lines.append("Conseiller : \(advisorName)")
    lines.append(preparation)
    lines.append(howToCancel)
    lines.append("Référence : \(reference)")
    return lines
  }

  public var text: String {
    let title =
      isCancellation
      ? "Guichet — annulation de rendez-vous" : "Guichet — confirmation de rendez-vous"
    return ([title, ""] + lines).joined(separator: "\n") + "\n"
  }

  /// iCalendar (RFC 5545): UTC times, CRLF line ends, escaped text, lines folded at 75 octets. DTSTAMP is
  /// when the file is written; a move keeps the UID with a higher SEQUENCE, and a cancellation is
  /// METHOD:CANCEL with STATUS:CANCELLED, so a calendar that imported the entry updates or removes it.
  public func ics(writtenAt: Date) -> String {
    let location = [structure.name, structure.fullAddress].filter { !$0.isEmpty }.joined(
      separator: ", ")
    let lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Guichet//Rendez-vous//FR",
      "CALSCALE:GREGORIAN", "METHOD:\(isCancellation ? "CANCEL" : "PUBLISH")", "BEGIN:VEVENT",
      "UID:\(reference.value)@guichet", "DTSTAMP:\(Self.utc(writtenAt))",
      "DTSTART:\(Self.utc(startsAt))", "DTEND:\(Self.utc(endsAt))", "SEQUENCE:\(sequence)",
      "STATUS:\(isCancellation ? "CANCELLED" : "CONFIRMED")",
      "SUMMARY:\(Self.escape("\(isCancellation ? "Annulé : r" : "R")endez-vous \(structure.kind.label) (\(reference))"))",
      "LOCATION:\(Self.escape(place == .onSite ? location : place.label))",
      "DESCRIPTION:\(Self.escape(isCancellation ? lines[2] : "\(preparation) \(howToCancel)"))",
      "END:VEVENT", "END:VCALENDAR",
    ]
    return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
  }

  /// RFC 5545 §3.1: a content line longer than 75 octets continues on the next line after CRLF and one
  /// space; a UTF-8 character is never split.
  static func fold(_ line: String) -> String {
    var folded = ""
    var octets = 0
    for character in line {
      let size = String(character).utf8.count
      if octets + size > 75 {
        folded += "\r\n "
        octets = 1
      }
      folded.append(character)
      octets += size
    }
    return folded
  }

  static func utc(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(
      format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
      c.minute ?? 0, c.second ?? 0)
  }

  static func escape(_ text: String) -> String {
    SafeText.clean(text).replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
  }
}

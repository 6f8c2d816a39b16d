import Foundation
import GuichetCore

/// Drawing, title, key bar and help of the appointment screen. Contact data shows only while the consent holds.
extension AppointmentScreen {
  public static func title(_ state: State) -> String {
    if case .visit(let id) = state.lookup { return "Rendez-vous de la visite n° \(id)" }
    return "Retrouver un rendez-vous"
  }

  public static func hints(_ state: State) -> [HintLine] {
    if state.pending != nil {
      return [
        HintLine(key: "O", text: "Confirmer"), HintLine(key: "Autre", text: "Ne rien changer"),
      ]
    }
    return bindings.map(\.hintLine)
  }

  public static func help(_ state: State, title: String) -> HelpScreen.State {
    HelpScreen.State(
      screenTitle: title,
      purpose:
        "Tapez la référence du coupon (RDV-7K3M-Q9XP) puis Entrée : si aucun rendez-vous ne la porte, la réservation n'a pas été enregistrée et peut être refaite (un conseiller ne voit que les rendez-vous de sa structure). Sans coupon, tapez le téléphone ou l'e-mail de la personne : vous retrouvez les rendez-vous que vous avez pris pour elle (un conseiller, ceux de sa structure) ; chaque fiche retrouvée ainsi est inscrite au journal des accès. Un rendez-vous prévu peut être annulé (le créneau est libéré) ou déplacé vers un autre créneau de la même structure, sans ressaisir le consentement ni les coordonnées. Le retrait du consentement efface les coordonnées et annule le rendez-vous.",
      lines: bindings.map(\.hintLine))
  }

  public static func render(
    _ state: State, in area: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    let inner = area.inset(1)
    var y = inner.y
    switch state.lookup {
    case .reference, .phone, .email:
      let label = "Référence, téléphone ou e-mail :"
      let width = min(40, inner.width - label.count - 1)
      canvas.put(label, x: inner.x, y: y, style: .bold)
      // A long e-mail scrolls: its end, where the typing is, stays in view.
      canvas.putPadded(
        " " + String(state.field.suffix(max(1, width - 2))) + "_", x: inner.x + label.count + 1,
        y: y, width: width, style: .selected)
    case .visit(let id):
      canvas.put(
        "Rendez-vous pris pendant la visite n° \(id)", x: inner.x, y: y, style: .bold,
        limit: inner.width)
    }
    y += 1
    if let error = state.error {
      y += canvas.putMessage(error, x: inner.x, y: y, width: inner.width, style: .error) - 1
    }
    y += 1
    guard let results = state.results else {
      let text =
        state.searching || state.canLoad
        ? "Recherche…"
        : "Tapez la référence du coupon, ou le téléphone ou l'e-mail de la personne, puis Entrée."
      for (index, line) in Text.wrap(text, width: inner.width).enumerated() {
        canvas.put(line, x: inner.x, y: y + 1 + index, style: .muted, limit: inner.width)
      }
      return
    }
    if results.isEmpty {
      let text: String
      switch state.lookup {
      case .reference(let reference?): text = notFound(reference, role: context.account?.role)
      case .phone: text = notFound(person: "ce téléphone", role: context.account?.role)
      case .email:
        text = notFound(person: "cette adresse électronique", role: context.account?.role)
      case .reference(nil), .visit: text = "Aucun rendez-vous n'a été pris pendant cette visite."
      }
      for line in Text.wrap(text, width: inner.width) {
        y += 1
        canvas.put(line, x: inner.x, y: y, style: .bold, limit: inner.width)
      }
      return
    }
    let listRows = min(results.count, max(1, inner.height - 13))
    let first = max(0, min(state.selection - listRows + 1, results.count - listRows))
    for line in 0..<listRows {
      let index = first + line
      canvas.putPadded(
        " " + summary(results[index], context: context), x: inner.x, y: y, width: inner.width,
        style: index == state.selection ? .selected : .plain)
      y += 1
    }
    if let detail = state.selected {
      renderDetail(
        detail, pending: state.pending,
        in: Rect(x: inner.x, y: y + 1, width: inner.width, height: inner.y + inner.height - y - 1),
        on: &canvas, context: context)
    }
  }

  /// Why no contact shows to an account that may not see it: its retention is not the reason.
  static let hiddenContact =
    "Coordonnées non affichées : seuls l'agent d'accueil qui a recueilli le consentement et les conseillers de la structure les voient."

  /// A reference that reads as unknown. Agents see every appointment, so for them none was recorded; an
  /// advisor sees their structure's only, so theirs is a refusal, which says nothing of other structures.
  static func notFound(_ reference: BookingReference, role: Role?) -> String {
    role == .advisor
      ? "Accès refusé : un conseiller ne consulte que les rendez-vous de sa structure, et aucun de la vôtre ne porte la référence \(reference)."
      : "Aucun rendez-vous ne porte la référence \(reference) : la réservation n'a pas été enregistrée, elle peut être refaite."
  }

  /// A phone or e-mail with no appointment this account may change: an agent finds only the bookings they
  /// made, an advisor their structure's; others are reached by their slip's reference.
  static func notFound(person key: String, role: Role?) -> String {
    role == .advisor
      ? "Aucun rendez-vous de votre structure n'est enregistré avec \(key)."
      : "Aucun rendez-vous pris par vous n'est enregistré avec \(key) : un rendez-vous pris par un autre agent se retrouve par la référence du coupon."
  }

  /// « RDV-7K3M-Q9XP · jeu. 03/12/2026 11:00 · Prévu · Mission locale Chambéry »
  static func summary(_ detail: AppointmentDetail, context: AppContext) -> String {
    let start = detail.appointment.startsAt
    return
      "\(detail.reference) · \(Format.day(start, context.timeZone)) \(Format.time(start, context.timeZone)) · \(detail.appointment.status.label) · \(detail.structure.shortLabel)"
  }

  static func renderDetail(
    _ detail: AppointmentDetail, pending: Pending?, in area: Rect, on canvas: inout Canvas,
    context: AppContext
  ) {
    let appointment = detail.appointment
    let zone = context.timeZone
    var lines: [(String, Style)] = [
      (
        "Le \(Format.day(appointment.startsAt, zone)) de \(Format.time(appointment.startsAt, zone)) à \(Format.time(appointment.endsAt, zone)) · \(appointment.place.label)",
        .bold
      ),
      ("Structure : \(detail.structure.name) (\(detail.structure.kind.label))", .plain),
    ]
    if !detail.structure.fullAddress.isEmpty {
      lines.append(("Adresse : \(detail.structure.fullAddress)", .plain))
    }
    lines.append(("Conseiller : \(detail.advisorName)", .plain))
    let when = appointment.statusAt.map { " le \(Format.day($0, zone)) à \(Format.time($0, zone))" }
    lines.append(
      (
        "Statut : \(appointment.status.label)\(appointment.status == .booked ? "" : when ?? "")",
        appointment.isLive ? .plain : Style(tone: .warning, bold: true)
      ))
    let consent = detail.consent
    if let withdrawn = consent.withdrawnAt {
      lines.append(
        (
          "Consentement retiré le \(Format.day(withdrawn, zone)) : coordonnées effacées.",
          .muted
        ))
    } else {
      lines.append(
        (
          "Consentement du \(Format.day(consent.givenAt, zone)) (texte version \(consent.textVersion))",
          .plain
        ))
    }
    if let contact = detail.contact {
      let reach = [contact.phone?.description, contact.email?.description].compactMap { $0 }
      lines.append(
        ("Personne : " + ([contact.displayName] + reach).joined(separator: " · "), .plain))
    } else if detail.contactHidden {
      lines.append((hiddenContact, .muted))
    } else if !consent.isWithdrawn {
      lines.append(("Coordonnées effacées (délai de conservation passé).", .muted))
    }
    lines.append(
      (
        "Visite n° \(detail.visit.id ?? 0) du \(Format.day(detail.visit.arrivedAt, zone)) · délai \(appointment.delayDays) j",
        .muted
      ))
    switch pending {
    case .cancel(let status)?:
      lines.append(
        (
          "« \(status.label) » : le créneau sera libéré. O pour confirmer.",
          Style(tone: .warning, bold: true)
        ))
    case .withdraw?:
      lines.append(
        (
          "Retrait du consentement : coordonnées effacées et rendez-vous annulé. O pour confirmer.",
          Style(tone: .warning, bold: true)
        ))
    case nil: break
    }
    for (index, line) in lines.prefix(area.height).enumerated() {
      canvas.put(line.0, x: area.x, y: area.y + index, style: line.1, limit: area.width)
    }
  }
}

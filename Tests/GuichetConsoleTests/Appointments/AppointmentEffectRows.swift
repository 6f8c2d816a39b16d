import Foundation
import GuichetCore
import GuichetUI

@testable import GuichetConsole

extension EffectRow {
  /// Finding, cancelling, withdrawing the consent and moving an appointment (each write read back).
  static let appointments: [EffectRow] = [
    EffectRow(
      .appointment(.find(.visit(42))), calls: ["appointments.find"],
      matching: { actions, _ in
        guard case .appointment(.found(.visit(42), let found)) = actions.first else { return false }
        return actions.count == 1 && found.map(\.visit.id) == [42]
      }),
    EffectRow(
      .appointment(.cancel(ConsoleFixture.reference, .excused)), calls: ["appointments.cancel"],
      answers: {
        [
          .appointment(
            .updated(
              $0.detail(ConsoleFixture.reference, id: 1001),
              message:
                "Rendez-vous RDV-7K3M-Q9XP : annulé par la personne, le créneau est libéré. F4 : coupon d'annulation (texte et .ics) pour la personne."
            )
          )
        ]
      }, refused: { [.appointment(.failed($0))] }),
    EffectRow(
      .appointment(.withdrawConsent(consentID: 9, ConsoleFixture.reference)),
      calls: ["appointments.withdraw"],
      answers: {
        [
          .appointment(
            .updated(
              $0.detail(ConsoleFixture.reference, id: 1001),
              message:
                "Consentement retiré : coordonnées effacées, rendez-vous RDV-7K3M-Q9XP annulé."))
        ]
      }, refused: { [.appointment(.failed($0))] }),
    EffectRow(
      .appointment(.findSlots(structureID: 5, .firstFree)), calls: ["appointments.slots"],
      answers: {
        [
          .appointment(
            .slotsFound(
              structureID: 5, .firstFree,
              SlotWeek(monday: $0.monday(.firstFree), slots: $0.slots(4))))
        ]
      }),
    EffectRow(
      .appointment(.reschedule(ConsoleFixture.reference, ConsoleFixture.data.slots(2)[1])),
      calls: ["appointments.reschedule"],
      answers: { [.appointment(.rescheduled($0.detail(ConsoleFixture.reference, id: 1001)))] },
      refused: { [.appointment(.failed($0))] }),
  ]
}

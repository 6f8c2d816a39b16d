import Foundation
import GuichetCore
import GuichetUI
import Synchronization

/// Services with no database, no files and no printer: every service answers from `FakeData`, counts its
/// calls, and (when `refusesSometimes`) refuses one call in a few « base occupée » as a busy file would. The key
/// fuzzer runs the real `EffectInterpreter` over them, and the interpreter tests check the call each effect
/// makes.
public final class FakeServices: Sendable {
  public let data: FakeData
  let refusesSometimes: Bool
  private let state = Mutex(State())

  struct State {
    var nextID: Int64 = 1000
    var random = SeededRandom(state: 5)
    var calls: [String: Int] = [:]
  }

  public static let busy = UserError("Enregistrement impossible : base occupée par un autre poste.")

  public init(now: Date, refusesSometimes: Bool = false) {
    data = FakeData(now: now)
    self.refusesSometimes = refusesSometimes
  }

  /// How many times each service was called, by name (« save », « booking.book »…).
  public var calls: [String: Int] { state.withLock { $0.calls } }

  /// Counts the call and gives it a fresh number, which also decides the occasional refusal and variant.
  func call(_ name: String) -> Int64 {
    state.withLock { state in
      state.calls[name, default: 0] += 1
      state.nextID += 1
      return state.nextID
    }
  }

  /// A call refused « base occupée » one time in `every` when refusals are on.
  func call(_ name: String, busyEvery every: Int64) throws -> Int64 {
    let id = call(name)
    if refusesSometimes && id % every == 0 { throw Self.busy }
    return id
  }

  /// A variant chosen one time in `every` (a fiche not found, a duplicate…), only when refusals are on.
  func sometimes(_ id: Int64, _ every: Int64) -> Bool { refusesSometimes && id % every == 0 }

  func reference() -> BookingReference {
    state.withLock { BookingReference.generate(using: &$0.random) }
  }

  public var services: Services {
    let data = data
    var services = Services(
      counters: { _ in
        _ = self.call("counters")
        return DeskDay(
          counters: DayCounters(desk: VisitCounts(closed: 3), site: VisitCounts(waiting: 1)),
          queue: [data.waiting])
      },
      openVisits: {
        _ = self.call("openVisits")
        return [data.waiting]
      },
      markLeftUnseen: { _, _ in
        _ = try self.call("markLeftUnseen", busyEvery: 7)
        return []
      },
      todayVisits: { _ in
        _ = self.call("todayVisits")
        return [data.visit(id: 901)]
      },
      registerArrival: { channel, now in
        Visit(
          id: self.call("registerArrival"), siteID: 1, deskID: 2, channel: channel, arrivedAt: now,
          day: Day.number(of: now))
      },
      save: { visit in
        let id = try self.call("save", busyEvery: 7)
        var saved = visit
        saved.id = visit.id ?? id
        return saved
      },
      takeVisitor: { id, startedAt in
        _ = try self.call("takeVisitor", busyEvery: 7)
        var visit = data.visit(id: id)
        visit.startedAt = startedAt
        return visit
      },
      communes: { _ in
        _ = self.call("communes")
        return [FakeData.commune]
      },
      dataVersion: { 1 })
    services.information = information
    services.booking = booking
    services.agenda = agenda
    services.appointments = appointments
    services.admin = admin
    services.session = session
    services.accounts = accounts
    services.supervision = supervision
    services.clients = FeatureClients(fakes: true)
    return services
  }

  var information: InformationServices {
    let data = data
    return InformationServices(
      search: {
        _ = self.call("information.search")
        return data.references($0)
      },
      occupation: { code, _ in
        self.sometimes(self.call("information.occupation"), 5) ? nil : data.occupation(code)
      },
      certification: {
        self.sometimes(self.call("information.certification"), 5) ? nil : data.certification($0)
      },
      labourNeeds: {
        _ = self.call("information.labourNeeds")
        return data.labourNeeds($0)
      },
      structures: {
        _ = self.call("information.structures")
        return data.directory($0)
      },
      recordConsultations: { _, _, _ in _ = self.call("information.recordConsultations") },
      recordSearchMiss: { _, _ in _ = self.call("information.recordSearchMiss") })
  }

  var booking: BookingServices {
    let data = data
    return BookingServices(
      recommend: { _ in
        _ = self.call("booking.recommend")
        return [FakeData.recommendation]
      },
      slotWeek: { _, _, window, _ in data.week(window, call: self.call("booking.slotWeek")) },
      consentText: { _ in
        _ = self.call("booking.consentText")
        return ConsentText(
          version: 1, body: ConsentText.initialBody, retentionDays: 90, publishedAt: data.now)
      },
      structure: { _ in
        _ = self.call("booking.structure")
        return FakeData.structure
      },
      recordConsent: { visitID, version, structureID, _ in
        data.consent(
          id: self.call("booking.recordConsent"), visitID: visitID, version: version,
          structureID: structureID)
      },
      duplicates: { contact in
        var known = contact
        known.id = 77
        return self.sometimes(self.call("booking.duplicates"), 3) ? [known] : []
      },
      book: { reference, _, _, _, _, _, _ in
        let id = self.call("booking.book")
        if self.sometimes(id, 5) { throw SlotTakenError(nextFree: data.slots(3).map(\.slot)) }
        if self.sometimes(id - 1, 5) { throw Self.busy }
        return data.appointment(reference, id: id)
      },
      saveSlip: { slip, _ in
        _ = self.call("booking.saveSlip")
        let folder = URL(fileURLWithPath: "/fake/rendez-vous", isDirectory: true)
        return [
          folder.appendingPathComponent(slip.fileStem + ".txt"),
          folder.appendingPathComponent(slip.fileStem + ".ics"),
        ]
      },
      print: { _ in
        _ = self.call("booking.print")
        throw UserError("Impression indisponible : la commande lp n'existe pas sur ce poste.")
      })
  }

  var agenda: AgendaServices {
    let data = data
    return AgendaServices(
      structures: {
        _ = self.call("agenda.structures")
        return [FakeData.structure]
      },
      advisors: { structureID in
        _ = self.call("agenda.advisors")
        return [
          Advisor(id: 3, structureID: structureID, displayName: FakeData.advisor.displayName),
          Advisor(id: 4, structureID: structureID, displayName: "Paul Girard"),
        ]
      },
      load: { query, _ in
        let id = self.call("agenda.load")
        let entries = [AppointmentStatus.booked, .seen].enumerated().map { index, status in
          AgendaEntry(
            appointment: data.appointment(
              self.reference(), id: id * 10 + Int64(index), status: status),
            advisorName: FakeData.advisor.displayName, structureName: FakeData.structure.name,
            contact: FakeData.contact,
            handover: Handover(
              publicCategory: .jobSeeker, ageBand: .from16to25, requestKinds: [.jobSearch],
              occupationCodes: ["K1207"], territoryName: "Vienne"))
        }
        return AgendaPage(query: query, entries: entries)
      },
      mark: { reference, status, _ in
        data.appointment(reference, id: try self.call("agenda.mark", busyEvery: 4), status: status)
      },
      saveList: { name, _ in
        _ = try self.call("agenda.saveList", busyEvery: 5)
        return "/fake/rendez-vous/" + name
      },
      print: { _ in
        if self.sometimes(self.call("agenda.print"), 2) {
          throw UserError("Impression indisponible : la commande lp n'existe pas sur ce poste.")
        }
      })
  }

  var appointments: AppointmentServices {
    let data = data
    return AppointmentServices(
      find: { _, _ in
        let id = try self.call("appointments.find", busyEvery: 6)
        return self.sometimes(id, 4) ? [] : [data.detail(self.reference(), id: id)]
      },
      cancel: { reference, _, _ in
        data.detail(reference, id: try self.call("appointments.cancel", busyEvery: 6))
      },
      withdraw: { _, reference, _ in
        data.detail(reference, id: try self.call("appointments.withdraw", busyEvery: 6))
      },
      slots: { _, window, _ in
        _ = try self.call("appointments.slots", busyEvery: 6)
        return SlotWeek(monday: data.monday(window), slots: data.slots(4))
      },
      reschedule: { reference, _, _ in
        let id = try self.call("appointments.reschedule", busyEvery: 6)
        if self.sometimes(id, 5) { throw SlotTakenError(nextFree: data.slots(2).map(\.slot)) }
        return data.detail(reference, id: id)
      })
  }

  var admin: AdminServices {
    let data = data
    return AdminServices(
      structures: {
        _ = self.call("admin.structures")
        return [FakeData.structure]
      },
      advisors: { _ in
        _ = self.call("admin.advisors")
        return [FakeData.advisor]
      },
      availability: { advisorID, _ in
        _ = self.call("admin.availability")
        let absence = Absence(
          id: 31, advisorID: advisorID, startsAt: data.now,
          endsAt: data.now.addingTimeInterval(86_400))
        return ([FakeData.rule], [absence])
      },
      routing: {
        _ = self.call("admin.routing")
        return [FakeData.routingRule]
      },
      write: { _, _ in
        _ = try self.call("admin.write", busyEvery: 4)
        return "Enregistré."
      })
  }

  /// Any login signs in as an agent; the first administrator is created as asked.
  var session: SessionServices {
    let data = data
    return SessionServices(
      administrationState: {
        _ = self.call("session.administrationState")
        return .administered
      },
      logIn: { login, _ in
        data.account(login, role: .agent, id: self.call("session.logIn"))
      },
      createFirstAdministrator: { login, _ in
        data.account(login, role: .administrator, id: self.call("session.createFirstAdministrator"))
      },
      signOut: { _ = self.call("session.signOut") },
      changeUser: { _ in _ = self.call("session.changeUser") })
  }

  /// Two accounts, one an advisor of the fake structure; one write in four refused when refusals are on.
  var accounts: AccountsServices {
    let data = data
    return AccountsServices(
      load: {
        let id = self.call("accounts.load")
        var advisor = data.account("cmartin", role: .advisor, id: 2)
        advisor.isDisabled = self.sometimes(id, 2)
        advisor.lockedUntil = data.now.addingTimeInterval(600)
        return (
          [data.account("fuzz", role: .administrator), advisor], [FakeData.structure],
          [1: data.now]
        )
      },
      write: { _, _ in
        _ = try self.call("accounts.write", busyEvery: 4)
        return "Enregistré."
      })
  }

  var supervision: SupervisionServices {
    let data = data
    return SupervisionServices(
      figures: { period, filter in
        let id = try self.call("supervision.figures", busyEvery: 6)
        return data.figures(period, filter, synthetic: id % 2 == 0)
      },
      recordSatisfaction: { _, _ in _ = self.call("supervision.recordSatisfaction") })
  }
}

extension Services {
  /// Services over `FakeServices` (see there).
  public static func fake(_ fake: FakeServices) -> Services { fake.services }
}

import type { Metadata } from "next";

import { formatCareDate } from "@/components/care/format-care-date";
import { PanelChangeButton } from "@/components/care/panel-admin/panel-change-button";
import { staffStrings } from "@/components/staff/strings";
import { requireRole } from "@/lib/auth/require-session";
import { listCareManagerAccounts } from "@/lib/care/panel/list-care-manager-accounts";
import { listPanelPatients } from "@/lib/care/panel/list-panel-patients";
import type { PanelPatient } from "@/lib/care/panel/panel-patient";
import { patientSearchLimit, searchPatients } from "@/lib/care/panel/search-patients";
import { getDatabase } from "@/lib/db/get-database";
import { CareTable } from "@/components/care/care-table";

export const metadata: Metadata = { title: staffStrings.panels.title };

const strings = staffStrings.panels;

/**
 * Renders the admin page that assigns patients to care managers' panels. The chosen care
 * manager and the patient search are GET parameters, so the page works without script.
 */
export default async function PanelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  await requireRole("admin");

  const params = await searchParams;
  const db = await getDatabase();
  const managers = await listCareManagerAccounts(db);
  const requested = typeof params.manager === "string" ? params.manager : undefined;
  const manager = managers.find((candidate) => candidate.id === requested) ?? managers[0];
  const search = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const [panel, results] = manager ? await Promise.all([listPanelPatients(db, manager.id), searchPatients(db, search)]) : [[], []];

  return (
    <>
      <h1>{strings.title}</h1>
      <p>{strings.intro}</p>
      {manager ? (
        <>
          <form method="get" action="/admin/panels" className="panel">
            <label>
              {strings.manager}{" "}
              <select name="manager" defaultValue={manager.id}>
                {managers.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {strings.panelSize(candidate.name, candidate.panelSize)}
                  </option>
                ))}
              </select>
            </label>{" "}
            <button type="submit" className="button">
              {strings.show}
            </button>
          </form>
          <section className="panel" aria-labelledby="panel-heading">
            <h2 id="panel-heading">{strings.panelHeading(manager.name)}</h2>
            {panel.length === 0 ? <p>{strings.emptyPanel}</p> : <PatientTable label={strings.panelHeading(manager.name)} patients={panel} careManagerId={manager.id} onPanel={new Set(panel.map((patient) => patient.id))} />}
          </section>
          <section className="panel" aria-labelledby="search-heading">
            <h2 id="search-heading">{strings.searchHeading}</h2>
            <form method="get" action="/admin/panels">
              <input type="hidden" name="manager" value={manager.id} />
              <label>
                {strings.search} <input type="search" name="q" defaultValue={search} maxLength={100} />
              </label>{" "}
              <button type="submit" className="button">
                {strings.searchButton}
              </button>
            </form>
            {search.trim() !== "" && results.length === 0 && <p>{strings.noResults}</p>}
            {results.length > 0 && <PatientTable label={strings.searchHeading} patients={results} careManagerId={manager.id} onPanel={new Set(panel.map((patient) => patient.id))} />}
            {results.length === patientSearchLimit && <p className="note">{strings.moreResults(patientSearchLimit)}</p>}
          </section>
        </>
      ) : (
        <p>
          {strings.noManagers} <code>npm run accounts -- --role care_manager</code>.
        </p>
      )}
    </>
  );
}

function PatientTable({ label, patients, careManagerId, onPanel }: { label: string; patients: PanelPatient[]; careManagerId: string; onPanel: ReadonlySet<string> }): React.ReactElement {
  return (
    <CareTable label={label} columns={strings.columns}>
      {patients.map((patient) => (
        <tr key={patient.id}>
          <th scope="row">{patient.name ?? strings.unnamed}</th>
          <td>
            <code>{patient.id}</code>
          </td>
          <td>{patient.birthDate ? formatCareDate(patient.birthDate) : strings.unknownDate}</td>
          <td>
            <PanelChangeButton careManagerId={careManagerId} patientId={patient.id} change={onPanel.has(patient.id) ? "remove" : "add"} patientName={patient.name ?? patient.id} />
          </td>
        </tr>
      ))}
    </CareTable>
  );
}

"use client";

import { useOptimistic, useState, useTransition } from "react";

import { nextOutreachStatuses, outreachStatuses } from "@/lib/care/care-codes";
import type { CareManagerOption } from "@/lib/care/list-care-managers-for-patient";
import type { TaskView } from "@/lib/care/task-view";

import { assignTaskAction, changeTaskStatusAction } from "./actions";
import type { CareActionResult } from "./care-action-result";
import styles from "./care.module.css";
import { formatCareDate } from "./format-care-date";
import { careStrings } from "./strings";
import { CareTable } from "./care-table";

const strings = careStrings.tasks;

/** Renders a panel member's tasks with forms to move and assign the outreach ones. */
export function TaskList({ tasks, careManagers, currentUserId }: { tasks: TaskView[]; careManagers: CareManagerOption[]; currentUserId: string }): React.ReactElement {
  if (tasks.length === 0) {
    return <p>{careStrings.member.noTasks}</p>;
  }
  return (
    <CareTable label={careStrings.member.tasksHeading} columns={strings.columns}>
      {tasks.map((task) => (
        <TaskRow key={task.id} task={task} careManagers={careManagers} currentUserId={currentUserId} />
      ))}
    </CareTable>
  );
}

/**
 * One task. A change shows at once (useOptimistic); when the server rejects it, for example
 * because someone else changed the task first, the row falls back to the stored task and shows the reason.
 */
function TaskRow({ task, careManagers, currentUserId }: { task: TaskView; careManagers: CareManagerOption[]; currentUserId: string }): React.ReactElement {
  const [shown, showChange] = useOptimistic(task, (current, change: Partial<TaskView>) => ({ ...current, ...change }));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(action: (formData: FormData) => Promise<CareActionResult>, change: Partial<TaskView>) {
    return (formData: FormData): void => {
      startTransition(async () => {
        showChange(change);
        const result = await action(formData);
        setMessage(result.status === "saved" ? strings.updated : result.message);
      });
    };
  }

  const nextStatuses = task.kind === "outreach" ? nextOutreachStatuses(task.status) : [];
  const label = task.description ?? strings.noDescription;
  return (
    <tr className={pending ? styles.pending : undefined}>
      <th scope="row">
        {strings.kinds[task.kind]}: {label}
        {task.statusReason && <span className={styles.riskInputs}>{task.statusReason}</span>}
      </th>
      <td>{strings.statuses[shown.status]}</td>
      <td>{shown.ownerName ?? strings.unassigned}</td>
      <td>{formatCareDate(task.lastModified)}</td>
      <td>
        {nextStatuses.length > 0 && (
          <form className={styles.inlineForm} action={(formData) => submit(changeTaskStatusAction, { status: statusOf(formData, task.status) })(formData)}>
            <input type="hidden" name="taskId" value={task.id} />
            <input type="hidden" name="version" value={task.version} />
            <label>
              <span className="visually-hidden">
                {strings.moveTo} ({label})
              </span>
              <select name="status" defaultValue={nextStatuses[0]}>
                {nextStatuses.map((status) => (
                  <option key={status} value={status}>
                    {strings.statusNames[status]}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button" disabled={pending}>
              {strings.move}
            </button>
          </form>
        )}
        {task.kind === "outreach" && nextStatuses.length > 0 && careManagers.length > 0 && (
          <form className={styles.inlineForm} action={(formData) => submit(assignTaskAction, { ownerName: ownerNameOf(formData, careManagers) })(formData)}>
            <input type="hidden" name="taskId" value={task.id} />
            <input type="hidden" name="version" value={task.version} />
            <label>
              <span className="visually-hidden">
                {strings.assignTo} ({label})
              </span>
              <select name="assigneeId" defaultValue={task.ownerId ?? currentUserId}>
                {careManagers.map((manager) => (
                  <option key={manager.id} value={manager.id}>
                    {manager.id === currentUserId ? strings.me(manager.name) : manager.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button" disabled={pending}>
              {strings.assign}
            </button>
          </form>
        )}
        <p role="status" className={message === strings.updated ? styles.status : styles.error}>
          {pending ? strings.saving : message}
        </p>
      </td>
    </tr>
  );
}

function statusOf(formData: FormData, fallback: TaskView["status"]): TaskView["status"] {
  const value = formData.get("status");
  return outreachStatuses.find((status) => status === value) ?? fallback;
}

function ownerNameOf(formData: FormData, careManagers: CareManagerOption[]): string | null {
  return careManagers.find((manager) => manager.id === formData.get("assigneeId"))?.name ?? null;
}

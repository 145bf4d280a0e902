"use client";

import { useActionState, useEffect } from "react";

import { contactMethods, languageOptions, usStateCodes } from "@/lib/profile/profile-preferences";
import type { ProfileField } from "@/lib/profile/profile-form-schema";

import { saveProfile } from "./actions";
import styles from "./profile-form.module.css";
import type { ProfileFormFields, ProfileFormState } from "./profile-form-state";
import { profileStrings } from "./strings";

const fieldOrder: readonly ProfileField[] = [
  "phone", "email", "line1", "line2", "city", "state", "postalCode", "language", "contactMethod", "paperless",
];

interface FieldProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

interface ProfileFormProps {
  /** The Patient the form edits; sent back only to detect a record switch in another tab. */
  patientId: string;
  initial: ProfileFormFields;
}

/**
 * Renders the editable profile: contact details, home address and communication preferences.
 * While saving, the button is disabled and reads "Saving…". The result is announced in a live
 * region, and each invalid field gets its message beside it.
 */
export function ProfileForm({ patientId, initial }: ProfileFormProps): React.ReactElement {
  const [state, formAction, pending] = useActionState(saveProfile, {
    status: "idle",
    fields: initial,
    errors: {},
    submissions: 0,
  } satisfies ProfileFormState);
  const { fields, errors } = state;

  // The keyed form below is new after each submission, so focus would fall back to the page.
  // Moving it to the first invalid field lets keyboard and screen reader users fix it at once.
  useEffect(() => {
    const first = fieldOrder.find((name) => state.errors[name] !== undefined);
    if (first) document.getElementById(first)?.focus();
  }, [state]);

  const fieldProps = (name: ProfileField, hint?: boolean): FieldProps => {
    const describedBy = [hint ? `${name}-hint` : null, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ");
    return { id: name, name, "aria-invalid": errors[name] ? true : undefined, "aria-describedby": describedBy || undefined };
  };
  const errorOf = (name: ProfileField): React.ReactNode =>
    errors[name] ? (
      <p id={`${name}-error`} className={styles.fieldError}>
        {profileStrings.errors[errors[name]]}
      </p>
    ) : null;

  // The form is keyed by submission, so every field starts again from the values the server
  // returned. The live region stays outside it, so screen readers announce each new result.
  return (
    <div className={styles.form}>
    <form action={formAction} className="form" noValidate key={state.submissions}>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="version" value={fields.version} />

      <fieldset className={styles.group}>
        <legend>{profileStrings.contactLegend}</legend>
        <div className="field">
          <label htmlFor="phone">{profileStrings.labels.phone}</label>
          <p id="phone-hint" className={styles.hint}>{profileStrings.hints.phone}</p>
          <input {...fieldProps("phone", true)} type="tel" autoComplete="tel-national" defaultValue={fields.phone} />
          {errorOf("phone")}
        </div>
        <div className="field">
          <label htmlFor="email">{profileStrings.labels.email}</label>
          <input {...fieldProps("email")} type="email" autoComplete="email" defaultValue={fields.email} />
          {errorOf("email")}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{profileStrings.addressLegend}</legend>
        <div className="field">
          <label htmlFor="line1">{profileStrings.labels.line1}</label>
          <input {...fieldProps("line1")} autoComplete="address-line1" defaultValue={fields.line1} />
          {errorOf("line1")}
        </div>
        <div className="field">
          <label htmlFor="line2">{profileStrings.labels.line2}</label>
          <input {...fieldProps("line2")} autoComplete="address-line2" defaultValue={fields.line2} />
          {errorOf("line2")}
        </div>
        <div className={styles.row}>
          <div className="field">
            <label htmlFor="city">{profileStrings.labels.city}</label>
            <input {...fieldProps("city")} autoComplete="address-level2" defaultValue={fields.city} />
            {errorOf("city")}
          </div>
          <div className="field">
            <label htmlFor="state">{profileStrings.labels.state}</label>
            <select {...fieldProps("state")} autoComplete="address-level1" defaultValue={fields.state} className={styles.select}>
              <option value="">{profileStrings.statePlaceholder}</option>
              {usStateCodes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
            {errorOf("state")}
          </div>
          <div className="field">
            <label htmlFor="postalCode">{profileStrings.labels.postalCode}</label>
            <p id="postalCode-hint" className={styles.hint}>{profileStrings.hints.postalCode}</p>
            <input {...fieldProps("postalCode", true)} autoComplete="postal-code" inputMode="numeric" defaultValue={fields.postalCode} />
            {errorOf("postalCode")}
          </div>
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{profileStrings.preferencesLegend}</legend>
        <div className="field">
          <label htmlFor="language">{profileStrings.labels.language}</label>
          <select {...fieldProps("language")} defaultValue={fields.language} className={styles.select}>
            {languageOptions.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {profileStrings.languages[option.code]}
              </option>
            ))}
          </select>
          {errorOf("language")}
        </div>
        <div className="field">
          <label htmlFor="contactMethod">{profileStrings.labels.contactMethod}</label>
          <select {...fieldProps("contactMethod")} defaultValue={fields.contactMethod} className={styles.select}>
            {contactMethods.map((method) => (
              <option key={method} value={method}>
                {profileStrings.contactMethods[method]}
              </option>
            ))}
          </select>
          {errorOf("contactMethod")}
        </div>
        <div className={styles.checkbox}>
          <input {...fieldProps("paperless", true)} type="checkbox" defaultChecked={fields.paperless} />
          <label htmlFor="paperless">{profileStrings.labels.paperless}</label>
          <p id="paperless-hint" className={styles.hint}>{profileStrings.hints.paperless}</p>
          {errorOf("paperless")}
        </div>
      </fieldset>

      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? profileStrings.saving : profileStrings.save}
      </button>
    </form>
    <div role="status" aria-live="polite" className={state.status === "saved" ? styles.success : "form-error"}>
      {resultMessage(state)}
    </div>
    </div>
  );
}

function resultMessage(state: ProfileFormState): React.ReactNode {
  switch (state.status) {
    case "idle":
      return null;
    case "saved":
      return <p>{profileStrings.saved}</p>;
    case "invalid":
      return <p>{profileStrings.fixErrors(Object.keys(state.errors).length)}</p>;
    case "conflict":
    case "record-changed":
      return (
        <p>
          {state.status === "conflict" ? profileStrings.conflict : profileStrings.recordChanged}{" "}
          <a href="/member/profile">{profileStrings.reload}</a>
        </p>
      );
    case "not-allowed":
      return <p>{profileStrings.notAllowed}</p>;
    case "failed":
      return <p>{profileStrings.failed(state.reference ?? "")}</p>;
  }
}

import { nextSpan, plural } from "@/lib/plural";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { requireStaff } from "@/lib/auth/guards";
import { formatDate } from "@/lib/dates";
import { getDb } from "@/lib/db";
import {
  addShopClosureAction,
  createWorkCentreAction,
  removeCalendarExceptionAction,
  removeShopClosureAction,
  setCalendarExceptionAction,
  setWorkCentreActiveAction,
  updateWorkCentreAction,
} from "@/lib/workshop/actions";
import { findCentreWeekOrders, findWorkshopLoad, mondayOfWeek } from "@/lib/workshop/load";
import { findCalendarExceptions, findShopClosures, listWorkCentres } from "@/lib/workshop/queries";
import { LOAD_WEEKS } from "@/lib/workshop/schema";
import { LoadView, WeekOrders } from "./load-view";
import { ClosureForm, ExceptionForm, WorkCentreForm } from "./workshop-forms";

export const metadata: Metadata = { title: "Capacity" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));
const hours = (h: number) => `${Math.round(h * 10) / 10} h`;

/** Work centres, their calendars, the shop's closures and the load per centre and week (staff and admins). */
export default async function CapacityPage({ searchParams }: { searchParams: Search }) {
  await requireStaff("/staff/capacity");
  const params = await searchParams;
  const asked = Number(one(params.weeks));
  const weeks = Number.isInteger(asked) && asked >= LOAD_WEEKS.initial ? Math.min(asked, LOAD_WEEKS.max) : LOAD_WEEKS.initial;
  const db = await getDb();
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const since = new Date(`${today}T00:00:00Z`);
  const [centres, exceptions, closures, load] = await Promise.all([
    listWorkCentres(db),
    findCalendarExceptions(db, since),
    findShopClosures(db, since),
    findWorkshopLoad(db, { today: now, weeks }),
  ]);
  const selectedCentre = centres.find((c) => c.id === one(params.centre));
  const selectedWeek = one(params.week);
  const monday = selectedWeek ? mondayOfWeek(selectedWeek) : null;
  const weekOrders = selectedCentre && selectedWeek && monday !== null ? await findCentreWeekOrders(db, selectedCentre.id, selectedWeek) : null;
  const base = (extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({ ...(weeks !== LOAD_WEEKS.initial ? { weeks: String(weeks) } : {}), ...extra }).toString();
    return `/staff/capacity${query ? `?${query}` : ""}`;
  };
  const links = { cell: (centre: string, week: string) => `${base({ centre, week })}#week-orders`, close: `${base()}#load-title` };

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Capacity</h1>
        <p className="mt-1 text-sm text-stone-600">
          Work centres, their working hours and the shop&apos;s closures decide every delivery promise. A day can never drop below the hours already booked on it.
        </p>
      </div>

      <section aria-labelledby="load-title" className="space-y-4">
        <div className="flex flex-wrap items-baseline gap-3">
          <h2 id="load-title" className="mr-auto text-lg font-semibold">Load, {nextSpan(weeks, "week")}</h2>
          {weeks < LOAD_WEEKS.max ? <Link href={`/staff/capacity?weeks=${Math.min(LOAD_WEEKS.max, weeks + LOAD_WEEKS.step)}#load-title`} className="text-sm text-brand-700 underline">Show {plural(Math.min(LOAD_WEEKS.step, LOAD_WEEKS.max - weeks), "more week")}</Link> : null}
          {weeks > LOAD_WEEKS.initial ? <Link href="/staff/capacity#load-title" className="text-sm text-brand-700 underline">Show {plural(LOAD_WEEKS.initial, "week")}</Link> : null}
        </div>
        {weekOrders && selectedCentre && monday !== null ? (
          <WeekOrders
            title={`${selectedCentre.name}, week ${selectedWeek} (${formatDate(new Date(monday * 86_400_000))} – ${formatDate(new Date((monday + 6) * 86_400_000))})`}
            orders={weekOrders}
            close={links.close}
          />
        ) : null}
        {load.centres.length ? <LoadView load={load} links={links} /> : <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">No work centres yet: add one below.</p>}
      </section>

      <section aria-labelledby="centres-title" className="space-y-4">
        <h2 id="centres-title" className="text-lg font-semibold">Work centres</h2>
        {centres.map((centre) => {
          const own = exceptions.filter((e) => e.centre === centre.id);
          return (
            <article key={centre.id} aria-labelledby={`centre-${centre.id}-title`} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" data-testid="work-centre">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                <h3 id={`centre-${centre.id}-title`} className="mr-auto font-semibold">
                  {centre.name} <span className="font-mono text-xs font-normal text-stone-500">{centre.id}</span>
                  {!centre.active ? <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-600">Inactive</span> : null}
                </h3>
                <ActionForm
                  action={setWorkCentreActiveAction}
                  fields={{ id: centre.id, active: centre.active ? "false" : "true" }}
                  label={centre.active ? "Deactivate" : "Reactivate"}
                  ariaLabel={`${centre.active ? "Deactivate" : "Reactivate"} ${centre.name}`}
                  tone={centre.active ? "danger" : undefined}
                />
              </div>
              <WorkCentreForm action={updateWorkCentreAction} centre={centre} />
              <div>
                <h4 className="text-sm font-semibold text-stone-700">Dates with other hours</h4>
                {own.length ? (
                  <ul className="mt-1 divide-y divide-stone-100 text-sm" aria-label={`Dates with other hours at ${centre.name}`}>
                    {own.map((e) => (
                      <li key={e.day} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
                        <span className="w-28">{day(e.day)}</span>
                        <span className="w-16 tabular-nums">{e.hours === 0 ? "Closed" : hours(e.hours)}</span>
                        <span className="min-w-40 flex-1 text-stone-600">{e.note}</span>
                        <ActionForm action={removeCalendarExceptionAction} fields={{ centre: centre.id, day: e.day }} label="Remove" ariaLabel={`Remove the exception of ${centre.name} on ${day(e.day)}`} />
                      </li>
                    ))}
                  </ul>
                ) : <p className="mt-1 text-sm text-stone-600">None: every day follows the weekday&apos;s hours.</p>}
                <div className="mt-3"><ExceptionForm action={setCalendarExceptionAction} centre={centre} today={today} /></div>
              </div>
            </article>
          );
        })}
        <details className="rounded-lg border border-stone-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold text-brand-700">Add a work centre</summary>
          <div className="mt-3"><WorkCentreForm action={createWorkCentreAction} centre={{ id: "", name: "", weekdayHours: [8, 8, 8, 8, 8, 0, 0] }} isNew /></div>
        </details>
      </section>

      <section aria-labelledby="closures-title" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="closures-title" className="text-lg font-semibold">Shop closures</h2>
        <p className="text-sm text-stone-600">The whole shop is closed: no work centre works, nothing is delivered.</p>
        {closures.length ? (
          <ul className="divide-y divide-stone-100 text-sm" aria-label="Shop closures">
            {closures.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
                <span className="min-w-40 flex-1 font-medium">{c.name}</span>
                <span>{c.first === c.last ? day(c.first) : `${day(c.first)} – ${day(c.last)}`}</span>
                <ActionForm action={removeShopClosureAction} fields={{ id: c.id }} label="Remove" ariaLabel={`Remove the closure ${c.name}`} />
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-stone-600">No closures ahead.</p>}
        <ClosureForm action={addShopClosureAction} today={today} />
      </section>
    </div>
  );
}

import { type IssuedTicket, type PrintJob, type PublicConfig, type ServiceItem, zhCN } from '@yimen/protocol';

/** The numbers of the windows that serve a category. */
export function windowNumbers(config: PublicConfig, categoryId: string): number[] {
  return config.windows.filter((w) => w.categoryIds.includes(categoryId)).map((w) => w.number);
}

/** The windows that serve a category, as the slip names them: 3号、9号窗口 */
export function windowsFor(config: PublicConfig, categoryId: string): string {
  const numbers = windowNumbers(config, categoryId);
  return numbers.length === 0 ? '' : `${numbers.map((n) => `${n}号`).join('、')}窗口`;
}

/** The slip for an issued (or reprinted) ticket: number, place, wait, windows, and its status page as QR. */
export function ticketJob(ticket: IssuedTicket, config: PublicConfig): PrintJob {
  const category = config.categories.find((c) => c.id === ticket.categoryId);
  const hint = windowsFor(config, ticket.categoryId);
  return {
    template: 'ticket',
    ticket: {
      hallName: config.hallName,
      number: ticket.number,
      categoryName: category?.name ?? ticket.categoryId,
      ...(ticket.priority === 'ordinary' ? {} : { priorityLabel: zhCN.priorityLabel[ticket.priority] }),
      issuedAt: ticket.issuedAt,
      timeZone: config.timeZone,
      aheadCount: ticket.aheadCount,
      estimatedWaitMin: ticket.estimatedWaitMin,
      waitText: zhCN.waitText(ticket.estimatedWaitMin, ticket.windowsOpen),
      statusUrl: ticket.statusUrl,
      ...(ticket.holder ? { holderNameMasked: ticket.holder.nameMasked } : {}),
      ...(hint ? { windowHint: hint } : {}),
    },
  };
}

/** The item's guide as a phone opens it: the kiosk's QR and the printed list's point here. */
export function guideUrl(config: PublicConfig, itemId: string): string {
  return `${config.publicUrl}/guide/${itemId}`;
}

/** 一次性告知单: everything the item needs, told once and on paper. */
export function materialsJob(item: ServiceItem, config: PublicConfig, now: number): PrintJob {
  const department = config.departments.find((d) => d.id === item.departmentId);
  const hint = windowsFor(config, item.categoryId);
  return {
    template: 'materialsList',
    list: {
      hallName: config.hallName,
      itemName: item.name,
      itemCode: item.code,
      department: department?.name ?? '',
      conditions: item.conditions.slice(0, 50),
      materials: item.materials.slice(0, 100).map((m) => ({
        name: m.name,
        required: m.required,
        // A form to fill in is handed over as an original.
        form: m.form === 'form' ? 'original' : m.form,
        copies: m.copies,
        ...(m.note ? { note: m.note } : {}),
      })),
      legalTimeLimitDays: item.statutoryDays,
      promisedTimeLimitDays: item.promisedDays,
      fee:
        item.fee.amountYuan === 0 ? null : { amountFen: Math.round(item.fee.amountYuan * 100), basis: item.fee.basis },
      contact: hint ? { window: hint } : {},
      guideUrl: guideUrl(config, item.id),
      issuedAt: now,
      timeZone: config.timeZone,
      footer: zhCN.kiosk.materialsFooter,
    },
  };
}

import { ActionReason, type ActionReasonProps, useReasonText } from '@/components/ui/action-reason';

/** The translated reason a basket change is refused, e.g. « Dépasse le budget restant ». */
export const useBudgetReasonText = () => useReasonText('budgets');

/** Why the person may not change their basket, as visible text (a button refers to it with aria-describedby). */
export const BudgetReason = (props: ActionReasonProps) => <ActionReason feature="budgets" {...props} />;

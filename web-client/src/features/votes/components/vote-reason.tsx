import { ActionReason, type ActionReasonProps, useReasonText } from '@/components/ui/action-reason';

/** The translated reason a vote is refused, e.g. « Vous avez utilisé tous vos votes. » */
export const useVoteReasonText = () => useReasonText('votes');

/** Why the person may not vote, as visible text (a button refers to it with aria-describedby). */
export const VoteReason = (props: ActionReasonProps) => <ActionReason feature="votes" {...props} />;

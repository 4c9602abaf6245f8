import { useQuery } from '@tanstack/react-query';
import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchFileJob, type FileJob } from '../../api/register';

export type { FileJob };
export const jobFinished = (job: FileJob | undefined) => job?.status === 'done' || job?.status === 'failed';

/** An import or export running on the server, polled until it ends. */
export function useFileJob(id: string | undefined) {
  return useQuery({
    queryKey: ['fileJob', id],
    enabled: !!id,
    queryFn: ({ signal }) => fetchFileJob(id!, signal),
    refetchInterval: (query) => (jobFinished(query.state.data) ? false : 700),
  }).data;
}

/** The bar of a job still at work, with its rows done. */
export function JobProgress({ job }: { job: FileJob }) {
  const { t } = useTranslation();
  return (
    <>
      <Progress
        aria-label={t('register.jobProgress', { done: job.done, total: job.total })}
        percent={job.total ? Math.floor((job.done / job.total) * 100) : 0}
        status="active"
      />
      <div>{t('register.jobProgress', { done: job.done, total: job.total })}</div>
    </>
  );
}

// Korean strings of the runs screen; keys match runs.en.ts.
import type { Widen } from './types';
import type { runsEn } from './runs.en';

export const runsKo: Widen<typeof runsEn> = {
  runs: {
    heading: '다시 보기 — 내 게임 기록 파일',
    intro:
      '끝낸 게임은 모두 이 기기에 기록 파일로 남습니다. 파일로 내보내거나, 서버에 제출해 검증된 점수를 받거나, 다른 사람의 기록 파일을 가져올 수 있습니다.',
    empty: '아직 기록이 없습니다. 근무를 끝내거나 기록 파일을 가져오세요.',
    back: '뒤로',
    loading: '기록을 읽는 중…',
    unavailable: '이 브라우저에서는 기록 보관함을 열 수 없습니다: {{reason}}',
    seed: '시드 {{seed}}',
    score: '점수 {{score}}',
    unverified: '검증되지 않음: {{reason}}',
    played: '이 기기에서 플레이',
    imported: '{{file}}에서 가져옴',
    export: '내보내기',
    delete: '삭제',
    deleteConfirm: '이 기록 파일을 이 기기에서 삭제할까요? 되돌릴 수 없습니다.',
    deleted: '기록을 삭제했습니다',
    submit: '서버에 제출',
    submitting: '제출하는 중…',
    submitted: '서버 검증 점수: {{score}}',
    submitDuplicate: '이미 서버에 있습니다: {{score}}',
    submitRefused: '서버가 받아들이지 않았습니다: {{reason}}',
    submitFailed: '서버 응답 HTTP {{status}}: {{reason}}',
    unreachable: '서버에 연결할 수 없습니다(게임은 오프라인에서도 됩니다. 나중에 다시 시도하세요).',
    import: '기록 파일 가져오기 (.json)',
    dropHint: '또는 이 창에 파일을 끌어다 놓으세요',
    importing: '{{file}} 검증하는 중…',
    importedOk: '{{file}}: 검증됨, 점수 {{score}}',
    importedUnverified: '{{file}}: 검증되지 않은 기록으로 보관 — {{reason}}',
    notJson: '{{file, eunneun}} JSON이 아닙니다: {{reason}}. 저장하지 않았습니다.',
    notRunFile: '{{file, eunneun}} 1·25 기록 파일이 아닙니다: {{reason}}. 저장하지 않았습니다.',
    verifyCodes: {
      MALFORMED: '올바른 게임 기록 파일이 아닙니다',
      UNSUPPORTED_VERSION: '지원하지 않는 기록 파일 버전입니다',
      UNKNOWN_LEVEL: '이 게임에 없는 시나리오에서 플레이한 기록입니다',
      LEVEL_MISMATCH: '다른 버전의 시나리오에서 플레이한 기록입니다',
      ROLE_NOT_HELD: '어느 플레이어도 맡지 않은 역할이 보낸 명령이 있습니다',
      COMMAND_REFUSED: '다시 실행하면 거부되는 명령이 기록에 있습니다',
      CHECKPOINT_MISMATCH: '재시뮬레이션 결과가 체크포인트에서 파일과 다릅니다',
      FINAL_HASH_MISMATCH: '재시뮬레이션의 최종 상태가 파일과 다릅니다',
      SCORE_MISMATCH: '파일의 점수가 재시뮬레이션 점수와 다릅니다',
    },
  },
};

// Texts of the role tours and the 帮助中心 (merged under `tour` and `help`).
export const tourZh = {
  count: '第 {n} / {total} 步', prev: '上一步', next: '下一步', done: '完成', skip: '跳过', more: '在帮助中心查看详情',
  replay: '重新播放新手引导',
  steps: {
    staff: {
      chats: { title: '消息', body: '会话都在这里：本单位的群、工作群和单聊。有新消息时这里会显示未读数。' },
      channels: { title: '会话列表', body: "点一个会话即可发消息；输入 {'@'} 提到同事，/ 使用快捷命令。" },
      work: { title: '工作台', body: '待办、已办、我发起的流程和抄送都在工作台，数字是等你处理的待办。' },
      leave: { title: '发起请假', body: '点“发起”，选择“请假”，填好日期和事由后提交，审批进度会在工作台和消息里通知你。' },
      me: { title: '我的', body: '点头像可以切换语言、重新播放本引导、打开帮助中心或退出登录。' },
    },
    leader: {
      todo: { title: '待办', body: '需要你审批的事项都在工作台的“待办”里，可逐条或批量办理。' },
      card: { title: '在卡片上审批', body: '请示、签报会以卡片送到会话里，直接点卡片上的“同意”或“退回”即可。' },
      pishi: { title: '批示', body: '公文送到你这里时，在公文页写下批示意见，系统按流程转给承办单位。' },
      delegate: { title: '外出时设置代理', body: '点头像选择“代理设置”，指定代理人和起止时间；代理人办理时会显示“代 某某 审批”。' },
    },
    director: {
      niban: { title: '拟办', body: '收到的公文在“待处理”中，由你提出拟办意见，再送领导批示。' },
      cuiban: { title: '催办', body: '“我发起的”里能看到每个流程卡在谁那里，点“催办”提醒经办人。' },
      duban: { title: '督办', body: '重要事项可以立为督办，跟踪承办单位的进展和期限。' },
      me: { title: '我的', body: '点头像可以重新播放本引导或打开帮助中心。' },
    },
    clerk: {
      qianshou: { title: '签收', body: '上级和外单位来文先到“待处理”，逐件签收。' },
      dengji: { title: '登记', body: '签收后在收文登记簿中登记，可导出 Excel。' },
      bianhao: { title: '编号', body: '发文时系统按发文字号自动编号，不会重号、跳号。' },
      fenfa: { title: '分发', body: '领导批示后，在“办理中”把公文分发给承办和传阅的单位。' },
    },
    sys_admin: {
      console: { title: '系统管理控制台', body: '在这里维护单位、人员和岗位，并可用 Excel 批量导入。' },
      adminHelp: { title: '帮助', body: '每个画面都有“?”按钮，打开对应的帮助页面。' },
    },
    sec_admin: {
      console: { title: '安全保密控制台', body: '在这里分配角色、设置密码与登录策略。' },
      adminHelp: { title: '帮助', body: '每个画面都有“?”按钮，打开对应的帮助页面。' },
    },
    audit_admin: {
      console: { title: '安全审计控制台', body: '在这里查询、导出审计日志，并校验日志链是否完整。' },
      adminHelp: { title: '帮助', body: '每个画面都有“?”按钮，打开对应的帮助页面。' },
    },
  },
}

export const tourEn: typeof tourZh = {
  count: 'Step {n} of {total}', prev: 'Back', next: 'Next', done: 'Done', skip: 'Skip', more: 'More in the help centre',
  replay: 'Replay the guided tour',
  steps: {
    staff: {
      chats: { title: 'Messages', body: 'Your conversations live here: your unit\'s channel, groups and direct chats, with unread counts.' },
      channels: { title: 'Conversations', body: "Open one to write; type {'@'} to mention a colleague and / for commands." },
      work: { title: 'Work', body: 'To-dos, done items, processes you started and copies to you. The number is what waits for you.' },
      leave: { title: 'Request leave', body: 'Press “Start”, pick “Leave”, fill in the dates and reason and submit; you hear of each step.' },
      me: { title: 'You', body: 'Your avatar menu switches the language, replays this tour, opens the help centre and signs out.' },
    },
    leader: {
      todo: { title: 'To-do', body: 'Everything awaiting your approval is under “To-do” in Work, one by one or in a batch.' },
      card: { title: 'Approve on a card', body: 'Requests arrive as cards in conversations: press “Approve” or “Return” on the card.' },
      pishi: { title: 'Instructions (批示)', body: 'When a document reaches you, write your instruction on its page; it goes on to the units.' },
      delegate: { title: 'Delegate when away', body: 'From your avatar menu pick “Delegation”, name a delegate and a period; they act “on behalf of” you.' },
    },
    director: {
      niban: { title: 'Proposed handling (拟办)', body: 'Incoming documents wait under “Pending” for your proposal before the leader\'s instruction.' },
      cuiban: { title: 'Chasing (催办)', body: '“Started” shows where each process waits; press “Chase” to remind whoever holds it.' },
      duban: { title: 'Supervision (督办)', body: 'Important matters become supervised items with deadlines and progress reports.' },
      me: { title: 'You', body: 'Your avatar menu replays this tour and opens the help centre.' },
    },
    clerk: {
      qianshou: { title: 'Sign for (签收)', body: 'Incoming documents arrive under “Pending”: sign for each one.' },
      dengji: { title: 'Register (登记)', body: 'Signed documents go into the register, which exports to Excel.' },
      bianhao: { title: 'Numbering (编号)', body: 'Outgoing documents are numbered from their 发文字号 without gaps or repeats.' },
      fenfa: { title: 'Distribute (分发)', body: 'After the leader\'s instruction, distribute the document from “Handling” to the units.' },
    },
    sys_admin: {
      console: { title: 'System console', body: 'Keep units, people and seats here; import many at once from Excel.' },
      adminHelp: { title: 'Help', body: 'The “?” button opens the help page for the screen you are on.' },
    },
    sec_admin: {
      console: { title: 'Security console', body: 'Assign roles and set the password and sign-in policy here.' },
      adminHelp: { title: 'Help', body: 'The “?” button opens the help page for the screen you are on.' },
    },
    audit_admin: {
      console: { title: 'Audit console', body: 'Search and export the audit log and verify that its chain is intact.' },
      adminHelp: { title: 'Help', body: 'The “?” button opens the help page for the screen you are on.' },
    },
  },
}

export const helpZh = {
  title: '帮助中心', short: '帮助', search: '搜索帮助…', none: '没有匹配的帮助页面',
  intro: '按角色和任务分类的使用说明。请在左侧选择页面，或输入关键字搜索。',
  roles: { staff: '工作人员', leader: '领导', director: '办公室主任', clerk: '文书', admin: '管理员', public: '公众' },
}

export const helpEn: typeof helpZh = {
  title: 'Help centre', short: 'Help', search: 'Search help…', none: 'No help page matches',
  intro: 'How-tos by role and task. Pick a page on the left or search for a word.',
  roles: { staff: 'Staff', leader: 'Leaders', director: 'Office directors', clerk: 'Document clerks',
    admin: 'Administrators', public: 'Public' },
}

// Hygen's params hook: the names the templates use, from --name (e.g. chat/send).
export default {
  params: ({ args }) => {
    const words = args.name.split(/[/-]/);
    const capital = (word) => word.charAt(0).toUpperCase() + word.slice(1);
    return { ...args, className: words.map(capital).join(''), title: words.map(capital).join(' '), fileName: words.join('-') };
  },
};
